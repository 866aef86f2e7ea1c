/** A job that can never succeed (bad payload, missing run): failing it again would not help. */
export class InvalidJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidJobError";
  }
}
