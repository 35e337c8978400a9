/**
 * For the serialization tests: one key pair put everywhere a user may put it — the stack config
 * (the key as a secret, the id in plain text) and the environment — so that a test can assert
 * none of it reaches the state.
 */
import type * as pulumiModule from "@pulumi/pulumi";

/**
 * Sets the pair in `pulumi`'s config (pass the natively loaded module the test serializes with)
 * and in `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`.
 * @returns a function that removes the environment variables again
 */
export function credentialsEverywhere(pulumi: typeof pulumiModule, secretId: string, secretKey: string): () => void {
  process.env.TENCENTCLOUD_SECRET_ID = secretId;
  process.env.TENCENTCLOUD_SECRET_KEY = secretKey;
  pulumi.runtime.setAllConfig({ "tencentcloud:secretKey": secretKey, "tencentcloud:secretId": secretId }, ["tencentcloud:secretKey"]);
  return () => {
    delete process.env.TENCENTCLOUD_SECRET_ID;
    delete process.env.TENCENTCLOUD_SECRET_KEY;
  };
}
