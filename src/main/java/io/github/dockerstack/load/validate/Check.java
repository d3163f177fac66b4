package io.github.dockerstack.load.validate;

/** One validation rule; throws a {@link io.github.dockerstack.load.ComposeException} for the first problem it finds. */
interface Check {
    void check(CheckContext context);
}
