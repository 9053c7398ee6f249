#include "sampleimages.h"

#include <QJsonArray>

namespace strata::testing {

using imagewriter::Entry;
using imagewriter::HistoryStep;
using imagewriter::Image;
using imagewriter::Layer;

const std::string kLongPath =
    "opt/a-directory-name-long-enough-to-need-pax/another-directory-name-just-as-long/"
    "file-beyond-the-ustar-name-field.txt";
const std::string kNonAsciiPath = "opt/donn\xc3\xa9"
                                  "es/caf\xc3\xa9 \xe2\x98\x95.txt";

namespace {

HistoryStep step(const char *createdBy, bool empty)
{
    HistoryStep s;
    s.createdBy = QString::fromUtf8(createdBy);
    s.emptyLayer = empty;
    return s;
}

} // namespace

Image sampleImage()
{
    Entry notes = Entry::file("home/user/notes.txt", "mine\n", 0600);
    notes.uid = 1000;
    notes.gid = 1000;
    Layer base{{
        Entry::dir("bin"),
        Entry::file("bin/tool", "#!/bin/sh\necho tool\n", 0755),
        Entry::symlink("bin/run", "tool"),
        Entry::hardlink("bin/tool-hard", "bin/tool", 0755),
        Entry::file("bin/su", "setuid stand-in\n", 04755),
        Entry::dir("etc"),
        Entry::file("etc/hostname", "sample\n"),
        Entry::dir("home"),
        Entry::dir("home/user", 0700),
        notes,
        Entry::dir("opt"),
        Entry::dir("opt/a-directory-name-long-enough-to-need-pax"),
        Entry::dir(
            "opt/a-directory-name-long-enough-to-need-pax/another-directory-name-just-as-long"),
        Entry::file(kLongPath, "long name\n"),
        Entry::dir("opt/app"),
        Entry::file("opt/app/old.txt", "old\n"),
        Entry::dir("opt/donn\xc3\xa9"
                   "es"),
        Entry::file(kNonAsciiPath, "caf\xc3\xa9\n"),
        Entry::dir("usr"),
        Entry::dir("usr/share"),
        Entry::dir("usr/share/doc"),
        Entry::dir("usr/share/doc/pkg"),
        Entry::file("usr/share/doc/pkg/README", "docs\n"),
    }};
    Layer change{{
        Entry::dir("etc"),
        Entry::file("etc/hostname", "changed\n"),
        Entry::dir("opt"),
        Entry::dir("opt/app"),
        Entry::opaque("opt/app"),
        Entry::file("opt/app/new.txt", "new\n"),
        Entry::dir("run"),
        Entry::fifo("run/ctl", 0600),
        Entry::dir("usr"),
        Entry::dir("usr/share"),
        Entry::dir("usr/share/doc"),
        Entry::whiteout("usr/share/doc/pkg"),
    }};

    Image image;
    image.tags = {QStringLiteral("example.com/strata/sample:1.0")};
    image.layers = {base, change};
    image.history = {
        step("/bin/sh -c #(nop) ADD file:0123abcd in / ", false),
        step("/bin/sh -c #(nop)  ENV A=b", true),
        step("/bin/sh -c echo changed > /etc/hostname && rm -rf /usr/share/doc/pkg", false),
        step("/bin/sh -c #(nop)  CMD [\"/bin/run\"]", true),
    };
    image.config = QJsonObject{
        {QStringLiteral("Env"),
         QJsonArray{QStringLiteral("PATH=/usr/bin:/bin"), QStringLiteral("A=b")}},
        {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/run")}},
        {QStringLiteral("WorkingDir"), QStringLiteral("/opt/app")},
        {QStringLiteral("User"), QStringLiteral("1000")},
        {QStringLiteral("Labels"),
         QJsonObject{{QStringLiteral("org.example.sample"), QStringLiteral("yes")}}},
    };
    return image;
}

Layer sharedBase()
{
    return Layer{{Entry::dir("etc"), Entry::file("etc/os-release", "ID=shared\n")}};
}

Image firstOfTwo()
{
    Image image;
    image.tags = {QStringLiteral("example.com/team/first:1")};
    image.layers = {sharedBase(), Layer{{Entry::file("first.txt", "first\n")}}};
    return image;
}

Image secondOfTwo()
{
    Image image;
    image.tags = {QStringLiteral("second:latest")};
    image.created = QStringLiteral("2024-02-01T08:00:00Z");
    image.layers = {sharedBase(), Layer{{Entry::file("second.txt", "second\n")}}};
    return image;
}

} // namespace strata::testing
