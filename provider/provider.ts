/**
 * The object Pulumi serializes into the state of every OrganizationMember (`__provider`).
 *
 * It must stay tiny and hold nothing secret: the engine stores its code twice per resource and
 * runs the stored code for read and delete. So each method `require()`s the implementation from
 * the installed package when called — an upgraded package then takes effect for old resources
 * too — and credentials are read in `configure`, never captured here.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** The dynamic provider of OrganizationMember. */
export const organizationMemberProvider: dynamic.ResourceProvider = {
  async configure(req) {
    require("pulumi-tencentcloud-organization/dist/lifecycle").configure(req.config);
  },
  async check(olds, news) {
    return require("pulumi-tencentcloud-organization/dist/lifecycle").check(olds, news);
  },
  async diff(_id, olds, news) {
    return require("pulumi-tencentcloud-organization/dist/lifecycle").diff(olds, news);
  },
  async create(inputs) {
    return require("pulumi-tencentcloud-organization/dist/lifecycle").create(inputs);
  },
  async read(id, props) {
    return require("pulumi-tencentcloud-organization/dist/lifecycle").read(id, props);
  },
  async update(id, olds, news) {
    return require("pulumi-tencentcloud-organization/dist/lifecycle").update(id, olds, news);
  },
  async delete(id, props) {
    await require("pulumi-tencentcloud-organization/dist/lifecycle").remove(id, props);
  },
};
