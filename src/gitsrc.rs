//! Reading an assessment from git (`REV:path`) without a checkout, and who added which line.

use std::path::Path;
use std::process::Command;

/// Where an assessment to compare comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(std::path::PathBuf),
    /// A revision and a path in it, as `git show REV:PATH` takes them.
    Git {
        rev: String,
        path: String,
    },
}

impl Input {
    /// A path that exists is a file; otherwise `REV:PATH` is read through git.
    pub fn parse(arg: &str) -> Self {
        if Path::new(arg).exists() {
            return Input::File(arg.into());
        }
        match arg.split_once(':') {
            Some((rev, path)) if !rev.is_empty() && !path.is_empty() => {
                Input::Git { rev: rev.to_owned(), path: path.to_owned() }
            }
            _ => Input::File(arg.into()),
        }
    }

    /// The name shown in messages.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Git { rev, path } => format!("{rev}:{path}"),
        }
    }
}

/// Why a git read failed.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git could not be run: {0}")]
    Spawn(#[from] std::io::Error),
    #[error("git: {0}")]
    Failed(String),
}

/// The bytes of `path` at `rev` (`git show REV:PATH`), run from the current directory.
pub fn show(rev: &str, path: &str) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git").args(["show", &format!("{rev}:{path}")]).output()?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed(String::from_utf8_lossy(&out.stderr).trim().to_owned()))
    }
}

/// The commit (short hash, date, subject) that last touched each line of a file, by line number
/// (1-based).
pub fn blame(file: &Path) -> Result<Vec<String>, GitError> {
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = file.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    let out = Command::new("git").arg("-C").arg(dir).args(["blame", "--line-porcelain", "--"]).arg(name).output()?;
    if !out.status.success() {
        return Err(GitError::Failed(String::from_utf8_lossy(&out.stderr).trim().to_owned()));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = Vec::new();
    let (mut hash, mut time, mut summary) = (String::new(), String::new(), String::new());
    for line in text.lines() {
        if line.starts_with('\t') {
            let short: String = hash.chars().take(8).collect();
            let shown = if short.chars().all(|c| c == '0') {
                "(uncommitted)".to_owned()
            } else {
                format!("{short} {time} {summary}")
            };
            lines.push(shown);
        } else if let Some(t) = line.strip_prefix("author-time ") {
            time = t.parse::<i64>().map_or_else(
                |_| t.to_owned(),
                |s| crate::wareki::Date::from_days_since_epoch(s.div_euclid(86_400)).to_string(),
            );
        } else if let Some(s) = line.strip_prefix("summary ") {
            summary = s.to_owned();
        } else if line.len() >= 40
            && line.as_bytes().get(40) == Some(&b' ')
            && line[..40].bytes().all(|b| b.is_ascii_hexdigit())
        {
            hash = line[..40].to_owned();
        }
    }
    Ok(lines)
}
