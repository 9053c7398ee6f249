#pragma once

#include <QString>

namespace strata::imagewriter::detail {

// A tag as the user typed it, split the way Docker reads it: the tag follows the last ':' after
// the last '/'; a missing tag means "latest".
struct Reference
{
    QString name; // familiar form: "nginx", "example.com/team/app"
    QString tag;

    static Reference parse(const QString &text);
    QString familiar() const { return name + u':' + tag; }
    // The fully qualified form containerd stores: "docker.io/library/nginx:1.25".
    QString normalized() const;
};

} // namespace strata::imagewriter::detail
