#pragma once

#include <QString>

#include <string_view>

namespace strata {

// What a file is, for the findings: each rule below names a kind of file that ships for
// nothing in a final image, what produced it and what to write instead.
enum class FindingKind : uint8_t
{
    Secret,         // a private key, a credentials file, a repository's .git
    PackageCache,   // what a package manager downloaded or indexed: apt, apk, dnf, pip, npm...
    BuildToolchain, // compilers and SDKs: gcc, go, rustc, javac
    DevFiles,       // headers and static libraries (*-dev packages)
    PythonBytecode, // __pycache__ and *.pyc
    LogsAndTemp,    // log files and temporary directories
    DeletedLater,   // removed by a later layer, still shipped by this one
    MetadataOnly,   // a later chmod or chown copied the whole file again
    WrittenTwice,   // a later layer wrote the same path again
};
// "secret", "package-cache", "build-toolchain", "dev-files", "python-bytecode",
// "logs-and-temp", "deleted-later", "metadata-only", "written-twice".
const char *findingKindName(FindingKind kind);

// The rule a path falls under: the kind, what it is ("apt package lists", "Go toolchain")
// and the fix, both translated; the directory the rule covers ("var/lib/apt/lists"), the
// file itself for single-file rules. Empty `what` when no rule matches.
struct PathRule
{
    FindingKind kind = FindingKind::DeletedLater;
    QString what;
    QString fix;
    std::string_view directory;
};

// The rule for a regular file's path (no leading slash); `what` is empty when none applies.
// Secrets are recognised by name here; secretscan.h looks at contents.
PathRule classifyPath(std::string_view path);

// The rules' fixes for files no path rule names, by what became of them.
QString deletedLaterFix();
QString metadataOnlyFix();
QString writtenTwiceFix();

} // namespace strata
