import { describe, expect, it } from "vitest";
import { createPacer, pacerFor } from "@/lib/replication/transport/pacer";

// The spacing of requests to one portal, on a clock of the test's own: requests that would leave
// together are spread at a share of the typical request time; a lone request never waits.

function fakeTime() {
  let t = 1_000;
  const slept: number[] = [];
  const pacer = createPacer({ now: () => t }, async (ms) => {
    slept.push(ms);
  });
  return { pacer, slept, advance: (ms: number) => void (t += ms) };
}

/** One request that takes `ms`, answered with `ok`. */
async function request(f: ReturnType<typeof fakeTime>, ms: number, ok = true) {
  const answered = await f.pacer.turn();
  f.advance(ms);
  answered(ok);
}

describe("request pacing", () => {
  it("never holds back a request with nothing else in flight, whatever the sizes", async () => {
    const f = fakeTime();
    for (const ms of [48, 48, 400, 5, 5, 400, 5]) {
      await request(f, ms);
      f.advance(1);
    }
    expect(f.slept).toEqual([]);
  });

  it("spreads requests that would leave together over a share of the typical request time", async () => {
    const f = fakeTime();
    await request(f, 24); // typical: 24 ms
    const turns = await Promise.all([f.pacer.turn(), f.pacer.turn(), f.pacer.turn(), f.pacer.turn()]);
    // Half the typical time, divided by the requests in flight: 24/2/2, then /3, then /4.
    expect(f.slept).toEqual([6, 6 + 4, 6 + 4 + 3]);
    turns.forEach((answered) => answered(true));
  });

  it("lets requests that are already spread go at once", async () => {
    const f = fakeTime();
    await request(f, 48);
    const inFlight = [];
    for (let i = 0; i < 4; i++) {
      inFlight.push(await f.pacer.turn());
      f.advance(13);
    }
    expect(f.slept).toEqual([]);
    inFlight.forEach((answered) => answered(true));
  });

  it("caps the spacing for slow requests, and learns only from answers that succeeded", async () => {
    const f = fakeTime();
    await request(f, 1_000);
    await request(f, 60_000, false); // a timeout says nothing about the typical time
    const a = await f.pacer.turn();
    const b = await f.pacer.turn();
    expect(f.slept).toEqual([10]); // not 1000/2/2 = 250
    a(true);
    b(true);
    b(true); // answering twice counts once
    f.advance(100);
    await request(f, 10);
    expect(f.slept).toEqual([10]);
  });

  it("keeps one pacer per portal: tenants of one origin share it, another port does not", () => {
    expect(pacerFor("http://127.0.0.1:3000/portal/acme")).toBe(pacerFor("http://127.0.0.1:3000/portal/other"));
    expect(pacerFor("http://127.0.0.1:3000/portal/acme")).not.toBe(pacerFor("http://127.0.0.1:3001/portal/acme"));
  });
});
