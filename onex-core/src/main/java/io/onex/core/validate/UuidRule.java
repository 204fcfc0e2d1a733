package io.onex.core.validate;

import java.util.regex.Pattern;

/**
 * uuid must be a lowercase, RFC 4122 version-4 UUID: {@code xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx}.
 */
final class UuidRule {
  private static final Pattern SHAPE =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private UuidRule() {}

  static void check(String uuid, Findings f) {
    if (!SHAPE.matcher(uuid).matches()) {
      f.error(ValidationError.UUID_MALFORMED, "/uuid", "'" + abbreviate(uuid) + "' is not a UUID (8-4-4-4-12 hex digits)");
      return;
    }
    char version = uuid.charAt(14);
    char variant = Character.toLowerCase(uuid.charAt(19));
    if (version != '4' || "89ab".indexOf(variant) < 0) {
      f.error(ValidationError.UUID_NOT_V4, "/uuid",
          "'" + uuid + "' is a version-" + version + " UUID" + ("89ab".indexOf(variant) < 0 ? " with a non-RFC 4122 variant" : "")
              + "; nodes need a random version-4 UUID");
      return;
    }
    if (!uuid.equals(uuid.toLowerCase(java.util.Locale.ROOT))) {
      f.error(ValidationError.UUID_UPPERCASE, "/uuid", "'" + uuid + "' has uppercase hex digits",
          "write it in lowercase: " + uuid.toLowerCase(java.util.Locale.ROOT));
    }
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
