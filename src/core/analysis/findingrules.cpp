#include "analysis/findingrules.h"

#include "common/globmatch.h"

#include <QCoreApplication>

#include <array>

namespace strata {

const char *findingKindName(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Secret:
        return "secret";
    case FindingKind::PackageCache:
        return "package-cache";
    case FindingKind::BuildToolchain:
        return "build-toolchain";
    case FindingKind::DevFiles:
        return "dev-files";
    case FindingKind::PythonBytecode:
        return "python-bytecode";
    case FindingKind::LogsAndTemp:
        return "logs-and-temp";
    case FindingKind::DeletedLater:
        return "deleted-later";
    case FindingKind::MetadataOnly:
        return "metadata-only";
    case FindingKind::WrittenTwice:
        return "written-twice";
    }
    return "?";
}

namespace {

// How a rule finds its files. A directory rule covers everything below the directory its
// components name (each a glob: "usr/lib/go-*"); anchored at the root, or anywhere (a cache in
// any home directory: ".cache/pip"). A name rule matches the file's base name, and may ask
// for a parent directory (".aws" for "credentials").
enum class Match : uint8_t
{
    RootDirectory,
    AnyDirectory,
    FileName,
};

struct Rule
{
    Match match;
    const char *pattern;
    const char *parent; // FileName rules: the directory the file must be in, or nullptr
    FindingKind kind;
    const char *what;
    const char *fix;
};

const char kAptCleanFix[] = QT_TRANSLATE_NOOP(
    "strata::Findings",
    "Run `apt-get clean` in the same RUN as `apt-get install` (Debian's and Ubuntu's images "
    "do it for you unless a step turns it off).");
const char kAptListsFix[] = QT_TRANSLATE_NOOP(
    "strata::Findings",
    "End the RUN that calls `apt-get update` with `&& rm -rf /var/lib/apt/lists/*`.");
const char kDnfFix[] = QT_TRANSLATE_NOOP(
    "strata::Findings", "Run `dnf clean all` (or `yum clean all`) in the same RUN.");
const char kGoCacheFix[] = QT_TRANSLATE_NOOP(
    "strata::Findings",
    "Build in a separate stage and COPY only the binary, or keep the cache out of the layer with "
    "`RUN --mount=type=cache,target=…`.");
const char kMultiStageFix[] = QT_TRANSLATE_NOOP(
    "strata::Findings",
    "Build in a separate stage and COPY only what the program needs at run time.");
const char kSecretFix[] = QT_TRANSLATE_NOOP(
    "strata::Findings",
    "Never COPY it into the image: pass it with `RUN --mount=type=secret` or at run time. "
    "Deleting it in a later layer does not remove it; rotate the credential.");

// Order matters: the first rule that matches wins, so the narrow ones come first.
const std::array kRules = {
    // Secrets, by name.
    Rule{Match::FileName, "id_rsa", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "SSH private key"), kSecretFix},
    Rule{Match::FileName, "id_dsa", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "SSH private key"), kSecretFix},
    Rule{Match::FileName, "id_ecdsa", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "SSH private key"), kSecretFix},
    Rule{Match::FileName, "id_ed25519", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "SSH private key"), kSecretFix},
    Rule{Match::FileName, "*.key", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "private key file"), kSecretFix},
    Rule{Match::FileName, "*.p12", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "PKCS #12 key store"), kSecretFix},
    Rule{Match::FileName, "*.pfx", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "PKCS #12 key store"), kSecretFix},
    Rule{Match::FileName, ".env", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", ".env file"), kSecretFix},
    Rule{Match::FileName, ".env.*", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", ".env file"), kSecretFix},
    Rule{Match::FileName, "credentials", ".aws", FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "AWS credentials"), kSecretFix},
    Rule{Match::FileName, "application_default_credentials.json", "gcloud", FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "Google Cloud credentials"), kSecretFix},
    Rule{Match::FileName, "config.json", ".docker", FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "Docker registry credentials"), kSecretFix},
    Rule{Match::FileName, "config", ".kube", FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "Kubernetes credentials"), kSecretFix},
    Rule{Match::FileName, ".git-credentials", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "Git credentials"), kSecretFix},
    Rule{Match::FileName, ".netrc", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "netrc credentials"), kSecretFix},
    Rule{Match::FileName, ".pypirc", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "PyPI credentials"), kSecretFix},
    Rule{Match::AnyDirectory, ".git", nullptr, FindingKind::Secret,
         QT_TRANSLATE_NOOP("strata::Findings", "Git repository (.git)"),
         QT_TRANSLATE_NOOP(
             "strata::Findings",
             "Add .git to .dockerignore: the repository's whole history ships with the "
             "image.")},
    // Package managers.
    Rule{Match::RootDirectory, "var/cache/apt", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "apt package cache"), kAptCleanFix},
    Rule{Match::RootDirectory, "var/lib/apt/lists", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "apt package lists"), kAptListsFix},
    Rule{Match::RootDirectory, "var/cache/apk", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "apk package cache"),
         QT_TRANSLATE_NOOP("strata::Findings", "Use `apk add --no-cache`.")},
    Rule{Match::RootDirectory, "var/cache/dnf", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "dnf package cache"), kDnfFix},
    Rule{Match::RootDirectory, "var/cache/yum", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "yum package cache"), kDnfFix},
    Rule{Match::AnyDirectory, ".cache/pip", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "pip cache"),
         QT_TRANSLATE_NOOP("strata::Findings",
                           "Use `pip install --no-cache-dir` (or set PIP_NO_CACHE_DIR=1).")},
    Rule{Match::AnyDirectory, ".npm/_cacache", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "npm cache"),
         QT_TRANSLATE_NOOP("strata::Findings",
                           "Run `npm cache clean --force` in the same RUN as `npm install`.")},
    Rule{Match::AnyDirectory, ".cache/yarn", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Yarn cache"),
         QT_TRANSLATE_NOOP("strata::Findings",
                           "Run `yarn cache clean` in the same RUN as `yarn install`.")},
    Rule{Match::AnyDirectory, ".cache/go-build", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Go build cache"), kGoCacheFix},
    Rule{Match::AnyDirectory, "go/pkg/mod", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Go module cache"), kGoCacheFix},
    Rule{Match::AnyDirectory, ".cargo/registry", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Cargo registry cache"), kGoCacheFix},
    Rule{Match::RootDirectory, "usr/local/cargo/registry", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Cargo registry cache"), kGoCacheFix},
    Rule{Match::AnyDirectory, ".m2/repository", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Maven repository cache"), kGoCacheFix},
    Rule{Match::AnyDirectory, ".gradle/caches", nullptr, FindingKind::PackageCache,
         QT_TRANSLATE_NOOP("strata::Findings", "Gradle cache"), kGoCacheFix},
    // Toolchains and development files.
    Rule{Match::RootDirectory, "usr/lib/go-*", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "Go toolchain"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/local/go", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "Go toolchain"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/lib/gcc", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "GCC compiler"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/libexec/gcc", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "GCC compiler"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/lib/llvm-*", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "LLVM and Clang"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/local/rustup", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "Rust toolchain"), kMultiStageFix},
    Rule{Match::AnyDirectory, ".rustup", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "Rust toolchain"), kMultiStageFix},
    // Only a JDK has jmods; a JRE alone is what a Java program needs.
    Rule{Match::RootDirectory, "usr/lib/jvm/*/jmods", nullptr, FindingKind::BuildToolchain,
         QT_TRANSLATE_NOOP("strata::Findings", "Java development kit (jmods)"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/include", nullptr, FindingKind::DevFiles,
         QT_TRANSLATE_NOOP("strata::Findings", "C headers (-dev packages)"), kMultiStageFix},
    Rule{Match::RootDirectory, "usr/local/include", nullptr, FindingKind::DevFiles,
         QT_TRANSLATE_NOOP("strata::Findings", "C headers (-dev packages)"), kMultiStageFix},
    Rule{Match::FileName, "*.a", nullptr, FindingKind::DevFiles,
         QT_TRANSLATE_NOOP("strata::Findings", "static libraries (-dev packages)"), kMultiStageFix},
    // Leftovers.
    Rule{Match::AnyDirectory, "__pycache__", nullptr, FindingKind::PythonBytecode,
         QT_TRANSLATE_NOOP("strata::Findings", "Python bytecode"),
         QT_TRANSLATE_NOOP(
             "strata::Findings",
             "Set PYTHONDONTWRITEBYTECODE=1 in the steps that install, or compile once "
             "in the last one: each layer that runs Python writes its own copies.")},
    Rule{Match::FileName, "*.pyc", nullptr, FindingKind::PythonBytecode,
         QT_TRANSLATE_NOOP("strata::Findings", "Python bytecode"),
         QT_TRANSLATE_NOOP(
             "strata::Findings",
             "Set PYTHONDONTWRITEBYTECODE=1 in the steps that install, or compile once "
             "in the last one: each layer that runs Python writes its own copies.")},
    Rule{Match::RootDirectory, "var/log", nullptr, FindingKind::LogsAndTemp,
         QT_TRANSLATE_NOOP("strata::Findings", "log files"),
         QT_TRANSLATE_NOOP("strata::Findings",
                           "Remove the logs in the RUN that writes them (apt and dpkg write "
                           "/var/log/apt and /var/log/dpkg.log).")},
    Rule{Match::RootDirectory, "tmp", nullptr, FindingKind::LogsAndTemp,
         QT_TRANSLATE_NOOP("strata::Findings", "temporary files"),
         QT_TRANSLATE_NOOP("strata::Findings",
                           "Remove temporary files in the RUN that creates them.")},
    Rule{Match::RootDirectory, "var/tmp", nullptr, FindingKind::LogsAndTemp,
         QT_TRANSLATE_NOOP("strata::Findings", "temporary files"),
         QT_TRANSLATE_NOOP("strata::Findings",
                           "Remove temporary files in the RUN that creates them.")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate("strata::Findings", text);
}

// The next path component from `at`, moving `at` past it and its slash.
std::string_view nextPart(std::string_view path, size_t *at)
{
    const size_t start = *at;
    size_t end = path.find('/', start);
    if (end == std::string_view::npos)
        end = path.size();
    *at = end < path.size() ? end + 1 : end;
    return path.substr(start, end - start);
}

// Whether the components of `pattern` match the path's components from `start` on, with at
// least one component of the path left below them; *end is where the match ends.
bool directoryMatchesAt(std::string_view pattern, std::string_view path, size_t start, size_t *end)
{
    size_t p = 0;
    size_t at = start;
    while (p < pattern.size()) {
        if (at >= path.size())
            return false;
        const std::string_view want = nextPart(pattern, &p);
        size_t before = at;
        const std::string_view have = nextPart(path, &at);
        if (!globMatch(want, have))
            return false;
        *end = before + have.size();
    }
    return *end < path.size(); // something below the directory, not the directory itself
}

bool matchDirectory(const Rule &rule, std::string_view path, std::string_view *directory)
{
    size_t end = 0;
    if (rule.match == Match::RootDirectory) {
        if (!directoryMatchesAt(rule.pattern, path, 0, &end))
            return false;
        *directory = path.substr(0, end);
        return true;
    }
    for (size_t start = 0; start < path.size();) {
        if (directoryMatchesAt(rule.pattern, path, start, &end)) {
            *directory = path.substr(0, end);
            return true;
        }
        const size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return false;
}

bool matchName(const Rule &rule, std::string_view path)
{
    const size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (!globMatch(rule.pattern, name))
        return false;
    if (!rule.parent)
        return true;
    if (slash == std::string_view::npos)
        return false;
    const std::string_view dir = path.substr(0, slash);
    const size_t parentSlash = dir.rfind('/');
    return dir.substr(parentSlash == std::string_view::npos ? 0 : parentSlash + 1) == rule.parent;
}

} // namespace

PathRule classifyPath(std::string_view path)
{
    for (const Rule &rule : kRules) {
        std::string_view directory = path;
        const bool matched = rule.match == Match::FileName ? matchName(rule, path)
                                                           : matchDirectory(rule, path, &directory);
        if (matched)
            return PathRule{rule.kind, translated(rule.what), translated(rule.fix), directory};
    }
    return {};
}

QString deletedLaterFix()
{
    return QCoreApplication::translate(
        "strata::Findings",
        "Delete the files in the same RUN that creates them: a later layer's deletion hides "
        "them but every byte still ships.");
}

QString metadataOnlyFix()
{
    return QCoreApplication::translate(
        "strata::Findings",
        "Set the mode and owner where the files are added (`COPY --chmod=… --chown=…`): a "
        "separate chmod or chown copies every file into a new layer.");
}

QString writtenTwiceFix()
{
    return QCoreApplication::translate(
        "strata::Findings",
        "Write the files once, in the last step that changes them: the earlier copies still "
        "ship.");
}

} // namespace strata
