/**
 * A concurrent edit: the row's version moved on since the form was loaded (docs/decisions/020).
 * Every version-checked write throws this and changes nothing; the route answers 409 with a
 * localized message (and, where it can, the current values beside the user's).
 */
export class VersionConflict extends Error {
  constructor(message = "The record was changed by someone else since it was loaded.") {
    super(message);
    this.name = "VersionConflict";
  }
}
