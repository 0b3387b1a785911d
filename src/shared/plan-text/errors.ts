/** A plan document that cannot be imported; the message is for people, in Chinese. */
export class PlanTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanTextError';
  }
}
