"use server";
import { action } from "@/lib/actions/action";
import { createApplication } from "@/lib/gateway/create-application";
import { deleteApplication } from "@/lib/gateway/applications";
import { updateApplication } from "@/lib/gateway/update-application";
import { revealSecret } from "@/lib/gateway/reveal-secret";
import {
  addOrgAdmin,
  candidateAdmins,
  createOrganization,
  deleteOrganization,
  removeOrgAdmin,
} from "@/lib/gateway/organizations";
import { rotateSigningKey } from "@/lib/gateway/signing-keys";
import * as s from "@/lib/gateway/schemas";

// The gateway's server actions: administrators only, and each domain function checks that the
// caller administers the organization concerned.

export const createOrganizationAction = action(
  { role: "administrator", input: s.createOrganizationInput },
  (input, me) => createOrganization(me.id, input.name),
);

export const deleteOrganizationAction = action({ role: "administrator", input: s.orgInput }, (input, me) =>
  deleteOrganization(me.id, input.orgId),
);

export const candidateAdminsAction = action({ role: "administrator", input: s.orgInput }, (input, me) =>
  candidateAdmins(me.id, input.orgId),
);

export const addOrgAdminAction = action({ role: "administrator", input: s.orgMemberInput }, (input, me) =>
  addOrgAdmin(me.id, input.orgId, input.userId),
);

export const removeOrgAdminAction = action({ role: "administrator", input: s.orgMemberInput }, (input, me) =>
  removeOrgAdmin(me.id, input.orgId, input.userId),
);

export const createApplicationAction = action({ role: "administrator", input: s.createApplicationInput }, (input, me) =>
  createApplication(me.id, input),
);

export const updateApplicationAction = action({ role: "administrator", input: s.updateApplicationInput }, (input, me) =>
  updateApplication(me.id, input),
);

export const deleteApplicationAction = action({ role: "administrator", input: s.applicationInput }, (input, me) =>
  deleteApplication(me.id, input.clientId),
);

/** The one place the application secret leaves the server: on request, to an organization administrator. */
export const revealSecretAction = action({ role: "administrator", input: s.applicationInput }, (input, me) =>
  revealSecret(me.id, input.clientId),
);

export const rotateSigningKeyAction = action({ role: "administrator", input: s.noInput }, () => rotateSigningKey());
