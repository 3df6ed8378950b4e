//! The minijinja environment shared by pia's text outputs (the `pia new` scaffold, reports).

use minijinja::Environment;

/// Block tags leave no blank lines, trailing newlines are kept, and an undefined variable is an
/// error rather than an empty string (a typo in a template must not pass silently).
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .unwrap_or_default(),
    );
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env
}
