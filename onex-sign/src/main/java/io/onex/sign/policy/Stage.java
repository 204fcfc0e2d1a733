package io.onex.sign.policy;

/** Where a check runs: the hook that enforces it. */
public enum Stage {
  /** {@code git commit} (pre-commit hook). */
  PRE_COMMIT("pre-commit"),
  /** {@code git push} (pre-push hook) and CI. */
  PRE_PUSH("pre-push");

  private final String id;

  Stage(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
