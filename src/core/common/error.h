#pragma once

#include <QString>

namespace strata {

// What went wrong while reading an image. `kind` is for code (tests, exit codes); `message`
// is one sentence for people and never includes the file name: toString() adds it.
struct Error
{
    enum class Kind
    {
        None,
        NotFound,       // the path does not exist or cannot be opened
        Io,             // read error
        NotAnArchive,   // neither a tar archive (plain or compressed) nor a directory
        NotAnImage,     // an archive, but without manifest.json, index.json or repositories
        MalformedJson,  // manifest.json, index.json, a config... is not what the format says
        MissingMember,  // a file the manifest names is not in the archive
        DamagedLayer,   // a layer blob cannot be read to its end
        DigestMismatch, // the SHA-256 of a blob differs from the digest that names it
        LimitExceeded,  // a resource bound was hit (entry count, name length, inflation)
        NoSuchImage,    // --image names nothing in the archive
        AmbiguousImage, // the archive holds several images and none was chosen
        Unreachable,    // no engine or registry answers where one was looked for
        Denied,         // the engine's socket or the registry refused access
        ServerError,    // an engine or registry answered a request with an error
        Unsupported,    // the engine or registry is too old, or speaks another protocol
        Cancelled,
    };

    Kind kind = Kind::None;
    QString file;   // the archive or directory the user opened
    QString member; // the file inside it, or the layer, when the problem is there
    QString message;

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    // "FILE: MEMBER: MESSAGE" on one line, what the CLI prints and the app shows.
    QString toString() const;
    static QString kindName(Kind kind);

    static Error make(Kind kind, const QString &file, const QString &message,
                      const QString &member = {})
    {
        return Error{kind, file, member, message};
    }
};

} // namespace strata
