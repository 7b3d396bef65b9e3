/**
 * The schemas of the forms anyone may fill in (sign-in, registration, password links, an invitation,
 * accessibility feedback): parsed by their actions, and imported by the browser only when the form
 * is used (docs/decisions/146), so that zod is not in these pages' first load.
 */
import { z } from "zod";
import { email, newPasswordFields, password, requiredEmail, requiredText, text } from "./validators";

export const LoginSchema = z.object({
  email: requiredEmail(),
  password: password(),
  redirectTo: text(2000),
});

export const RegisterSchema = z.object({
  name: requiredText(200),
  email: requiredEmail(),
  ...newPasswordFields,
});

export const ForgotSchema = z.object({ email: requiredEmail() });

export const ResetSchema = z.object(newPasswordFields);

export const AcceptSchema = z.object({
  name: requiredText(200),
  ...newPasswordFields,
});

export const FeedbackSchema = z.object({
  message: requiredText(5000, { multiline: true }),
  email: email(),
  page: text(500),
});
