"use server";
import { action } from "@/lib/actions/action";
import { configHref } from "@/lib/cloud-services/catalog";
import { createConfig } from "@/lib/cloud-services/create-config";
import { deleteConfig } from "@/lib/cloud-services/delete-config";
import { ownOrigin } from "@/lib/cloud-services/defaults";
import { rotateKeyPair } from "@/lib/cloud-services/rotate-key-pair";
import { configIdInput, configSettingsInput, createConfigInput } from "@/lib/cloud-services/schemas";
import { updateConfig } from "@/lib/cloud-services/update-config";

// Cloud Services actions: administrators only. Results carry names and ids, never key material.

export const createConfigAction = action({ role: "administrator", input: createConfigInput }, async (input, me) => {
  const config = await createConfig(input, me.id);
  return { id: config.id, name: config.name, href: configHref(config.name) };
});

export const updateConfigAction = action(
  { role: "administrator", input: configSettingsInput(ownOrigin()) },
  async ({ configId, ...settings }) => {
    const config = await updateConfig(configId, settings);
    return { name: config.name, retriedNow: config.retriedNow };
  },
);

export const rotateKeyPairAction = action({ role: "administrator", input: configIdInput }, async ({ configId }) => {
  const key = await rotateKeyPair(configId);
  return { kid: key.kid, createdAt: key.createdAt.toISOString() };
});

export const deleteConfigAction = action({ role: "administrator", input: configIdInput }, async ({ configId }) => {
  return deleteConfig(configId);
});
