#pragma once

#include <QString>

namespace strata {

// `created_by` as people read it in a Dockerfile.
struct CleanedCommand
{
    QString text;        // "RUN apt-get update", "ENV A=b", "COPY file:abc in /"
    QString instruction; // "RUN", "ENV"... or empty when the text names none
    bool buildkit = false;
};

// Docker writes `/bin/sh -c #(nop)  ENV A=b` for metadata steps and `/bin/sh -c apt-get ...`
// for RUN; buildkit writes `RUN /bin/sh -c apt-get ... # buildkit`; with build args the
// shell form is prefixed by `|2 A=1 B=2 `. buildah/podman write the same as Docker.
CleanedCommand cleanCreatedBy(const QString &raw);

} // namespace strata
