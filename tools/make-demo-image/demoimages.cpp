#include "demoimages.h"

#include <QDateTime>
#include <QJsonArray>

#include <string>

// The file contents are short stand-ins written for this demo (the "binaries" are text that
// says what they stand for); paths, modes, links and history follow what a Debian-based nginx
// image built by Docker holds.

namespace strata::demo {

using imagewriter::Entry;
using imagewriter::HistoryStep;
using imagewriter::Image;
using imagewriter::Layer;

namespace {

int64_t secondsOf(const char *rfc3339)
{
    return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate).toSecsSinceEpoch();
}

Layer stamped(std::vector<Entry> entries, const char *time)
{
    const int64_t t = secondsOf(time);
    for (Entry &e : entries)
        e.mtime = t;
    return Layer{std::move(entries)};
}

QByteArray standInBinary(const char *name, const char *purpose, int repeat)
{
    QByteArray text = QByteArrayLiteral("\x7f"
                                        "ELF stand-in for ") +
                      name + QByteArrayLiteral(" in the Strata demo image.\n") + purpose + '\n';
    for (int i = 0; i < repeat; ++i)
        text += QByteArrayLiteral("section .text ") + QByteArray::number(i) +
                QByteArrayLiteral(": machine code would be here\n");
    return text;
}

Layer baseLayer()
{
    return stamped(
        {
            Entry::dir("bin"),
            Entry::file("bin/dash", standInBinary("/bin/dash", "The Debian Almquist shell.", 24),
                        0755),
            Entry::symlink("bin/sh", "dash"),
            Entry::dir("etc"),
            Entry::file("etc/debian_version", "11.6\n"),
            Entry::file("etc/group", "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\n"
                                     "tty:x:5:\nstaff:x:50:\nnogroup:x:65534:\n"),
            Entry::file("etc/hostname", "localhost\n"),
            Entry::symlink("etc/os-release", "../usr/lib/os-release"),
            Entry::file("etc/passwd",
                        "root:x:0:0:root:/root:/bin/bash\n"
                        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                        "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
                        "sys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
                        "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"),
            Entry::dir("root", 0700),
            Entry::dir("tmp", 01777),
            Entry::dir("usr"),
            Entry::dir("usr/bin"),
            Entry::file("usr/bin/perl", standInBinary("/usr/bin/perl", "Perl 5.32.1.", 40), 0755),
            // Debian ships the versioned name as a hard link to the same file.
            Entry::hardlink("usr/bin/perl5.32.1", "usr/bin/perl", 0755),
            Entry::dir("usr/lib"),
            Entry::file("usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\n"
                                              "NAME=\"Debian GNU/Linux\"\n"
                                              "VERSION_ID=\"11\"\n"
                                              "VERSION=\"11 (bullseye)\"\n"
                                              "VERSION_CODENAME=bullseye\n"
                                              "ID=debian\n"
                                              "HOME_URL=\"https://www.debian.org/\"\n"
                                              "SUPPORT_URL=\"https://www.debian.org/support\"\n"
                                              "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"),
            Entry::dir("usr/sbin"),
            Entry::dir("usr/share"),
            Entry::dir("usr/share/doc"),
            Entry::dir("usr/share/doc/base-files"),
            Entry::file("usr/share/doc/base-files/README",
                        "This package contains the basic filesystem hierarchy of a Debian system,\n"
                        "and several important miscellaneous files such as /etc/debian_version,\n"
                        "/etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others.\n"),
            Entry::dir("usr/share/doc/dash"),
            Entry::file("usr/share/doc/dash/copyright",
                        "This package was debianized by Mark W. Eichin <eichin@kitten.gen.ma.us>\n"
                        "dash is licensed under the 3-clause BSD license; see\n"
                        "/usr/share/common-licenses/BSD.\n"),
            Entry::dir("var"),
            Entry::dir("var/cache"),
            Entry::dir("var/log"),
        },
        "2023-02-09T03:20:37Z");
}

QByteArray nginxConf()
{
    return "user  nginx;\n"
           "worker_processes  auto;\n\n"
           "error_log  /var/log/nginx/error.log notice;\n"
           "pid        /var/run/nginx.pid;\n\n"
           "events {\n    worker_connections  1024;\n}\n\n"
           "http {\n"
           "    include       /etc/nginx/mime.types;\n"
           "    default_type  application/octet-stream;\n\n"
           "    log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
           "                      '$status $body_bytes_sent \"$http_referer\" '\n"
           "                      '\"$http_user_agent\" \"$http_x_forwarded_for\"';\n\n"
           "    access_log  /var/log/nginx/access.log  main;\n\n"
           "    sendfile        on;\n"
           "    keepalive_timeout  65;\n\n"
           "    include /etc/nginx/conf.d/*.conf;\n"
           "}\n";
}

QByteArray nginxBinary()
{
    QByteArray text = standInBinary("/usr/sbin/nginx", "nginx version: nginx/1.21.6", 0);
    text += "built with OpenSSL 1.1.1n  15 Mar 2022\n"
            "TLS SNI support enabled\n"
            "configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx "
            "--modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf "
            "--error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log "
            "--pid-path=/var/run/nginx.pid --lock-path=/var/run/nginx.lock "
            "--http-client-body-temp-path=/var/cache/nginx/client_temp "
            "--http-proxy-temp-path=/var/cache/nginx/proxy_temp --user=nginx --group=nginx "
            "--with-compat --with-file-aio --with-threads --with-http_addition_module "
            "--with-http_auth_request_module --with-http_gzip_static_module "
            "--with-http_realip_module --with-http_ssl_module --with-http_stub_status_module "
            "--with-http_v2_module --with-stream --with-stream_ssl_module\n";
    for (int i = 0; i < 48; ++i)
        text += "ngx_module_" + QByteArray::number(i) +
                ": event loop, upstream and filter code would be here\n";
    return text;
}

Layer nginxLayer()
{
    return stamped(
        {
            Entry::dir("etc"),
            Entry::file("etc/group", "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\n"
                                     "tty:x:5:\nstaff:x:50:\nnogroup:x:65534:\nnginx:x:101:\n"),
            Entry::dir("etc/nginx"),
            Entry::dir("etc/nginx/conf.d"),
            Entry::file("etc/nginx/conf.d/default.conf",
                        "server {\n"
                        "    listen       80;\n"
                        "    server_name  localhost;\n\n"
                        "    location / {\n"
                        "        root   /usr/share/nginx/html;\n"
                        "        index  index.html index.htm;\n"
                        "    }\n\n"
                        "    error_page   500 502 503 504  /50x.html;\n"
                        "    location = /50x.html {\n"
                        "        root   /usr/share/nginx/html;\n"
                        "    }\n"
                        "}\n"),
            Entry::file("etc/nginx/mime.types",
                        "types {\n"
                        "    text/html                                        html htm shtml;\n"
                        "    text/css                                         css;\n"
                        "    application/javascript                           js;\n"
                        "    image/png                                        png;\n"
                        "    image/svg+xml                                    svg svgz;\n"
                        "}\n"),
            Entry::file("etc/nginx/nginx.conf", nginxConf()),
            Entry::file("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"
                                      "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                                      "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
                                      "sys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
                                      "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
                                      "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n"),
            Entry::dir("usr"),
            Entry::dir("usr/sbin"),
            Entry::file("usr/sbin/nginx", nginxBinary(), 0755),
            Entry::dir("usr/share"),
            Entry::dir("usr/share/doc"),
            Entry::dir("usr/share/doc/nginx"),
            Entry::file("usr/share/doc/nginx/copyright",
                        "Copyright (C) 2002-2021 Igor Sysoev\n"
                        "Copyright (C) 2011-2022 Nginx, Inc.\n"
                        "nginx is distributed under the 2-clause BSD license.\n"),
            Entry::dir("usr/share/nginx"),
            Entry::dir("usr/share/nginx/html"),
            Entry::file("usr/share/nginx/html/50x.html",
                        "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n"
                        "<h1>An error occurred.</h1>\n"
                        "<p>Sorry, the page you are looking for is currently unavailable.</p>\n"
                        "</body>\n</html>\n"),
            Entry::file("usr/share/nginx/html/index.html",
                        "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n"
                        "</head>\n<body>\n<h1>Welcome to nginx!</h1>\n"
                        "<p>If you see this page, the nginx web server is successfully installed"
                        " and working.</p>\n</body>\n</html>\n"),
            Entry::dir("var"),
            Entry::dir("var/cache"),
            Entry::dir("var/cache/nginx"),
            Entry::dir("var/log"),
            Entry::dir("var/log/nginx"),
            Entry::symlink("var/log/nginx/access.log", "/dev/stdout"),
            Entry::symlink("var/log/nginx/error.log", "/dev/stderr"),
        },
        "2023-02-09T04:52:58Z");
}

Layer entrypointLayer()
{
    return stamped({Entry::file("docker-entrypoint.sh",
                                "#!/bin/sh\n"
                                "# Runs the scripts in /docker-entrypoint.d/ before nginx starts.\n"
                                "set -e\n\n"
                                "if [ \"$1\" = \"nginx\" ] || [ \"$1\" = \"nginx-debug\" ]; then\n"
                                "    if [ -d /docker-entrypoint.d ]; then\n"
                                "        for f in /docker-entrypoint.d/*.sh; do\n"
                                "            [ -x \"$f\" ] && echo \"$0: running $f\" && \"$f\"\n"
                                "        done\n"
                                "    fi\n"
                                "    echo \"$0: configuration complete; ready for start up\"\n"
                                "fi\n\n"
                                "exec \"$@\"\n",
                                0755)},
                   "2023-02-09T04:52:59Z");
}

// `rm -rf /usr/share/doc/* && mkdir -p /usr/share/doc/nginx`: the removed directories become
// whiteouts, the re-created one an opaque directory.
Layer slimLayer()
{
    return stamped(
        {
            Entry::dir("usr"),
            Entry::dir("usr/share"),
            Entry::dir("usr/share/doc"),
            Entry::whiteout("usr/share/doc/base-files"),
            Entry::whiteout("usr/share/doc/dash"),
            Entry::dir("usr/share/doc/nginx"),
            Entry::opaque("usr/share/doc/nginx"),
            Entry::file("usr/share/doc/nginx/README",
                        "Documentation was removed to keep the image small.\n"
                        "See https://nginx.org/en/docs/\n"),
        },
        "2023-03-14T09:12:40Z");
}

// `apt-get install curl procps` for the debugging variant of the image.
Layer debugToolsLayer()
{
    return stamped(
        {
            Entry::dir("usr"),
            Entry::dir("usr/bin"),
            Entry::file("usr/bin/curl", standInBinary("/usr/bin/curl", "Transfers a URL.", 900),
                        0755),
            Entry::file("usr/bin/ps", standInBinary("/usr/bin/ps", "Reports the processes.", 400),
                        0755),
            Entry::file("usr/bin/top", standInBinary("/usr/bin/top", "Shows the processes.", 500),
                        0755),
        },
        "2023-03-20T10:02:11Z");
}

// `apt-get install php-fpm` on the same base: another image of the same family.
Layer phpLayer()
{
    return stamped(
        {
            Entry::dir("etc"),
            Entry::dir("etc/php"),
            Entry::file("etc/php/php.ini", "[PHP]\nengine = On\nmemory_limit = 128M\n"),
            Entry::dir("usr"),
            Entry::dir("usr/sbin"),
            Entry::file(
                "usr/sbin/php-fpm",
                standInBinary("/usr/sbin/php-fpm", "The PHP FastCGI process manager.", 2600), 0755),
        },
        "2023-02-10T08:30:00Z");
}

HistoryStep step(const char *created, const QString &createdBy, bool empty = false)
{
    HistoryStep s;
    s.created = QString::fromLatin1(created);
    s.createdBy = createdBy;
    s.emptyLayer = empty;
    return s;
}

QString nop(const char *instruction)
{
    // The classic builder's format: two spaces after "#(nop)" for metadata instructions.
    return QStringLiteral("/bin/sh -c #(nop)  ") + QString::fromUtf8(instruction);
}

} // namespace

Image demoImage()
{
    Image image;
    image.tags = {QString::fromLatin1(kDemoTag)};
    image.layers = {baseLayer(), nginxLayer(), entrypointLayer(), slimLayer()};
    // ADD and COPY name their source by content hash; the layer digests make believable ones.
    const QString baseHash = imagewriter::diffId(image.layers[0]).mid(7);
    const QString copyHash = imagewriter::diffId(image.layers[2]).mid(7);

    image.history = {
        step("2023-02-09T03:20:37Z",
             QStringLiteral("/bin/sh -c #(nop) ADD file:") + baseHash + QStringLiteral(" in / ")),
        step("2023-02-09T03:20:38Z", nop("CMD [\"bash\"]"), true),
        step("2023-02-09T04:51:50Z",
             nop("LABEL maintainer=Strata Demo Maintainers <demo@strata.example>"), true),
        step("2023-02-09T04:51:50Z", nop("ENV NGINX_VERSION=1.21.6"), true),
        step("2023-02-09T04:51:51Z", nop("ENV PKG_RELEASE=1~bullseye"), true),
        step("2023-02-09T04:52:58Z",
             QStringLiteral(
                 "/bin/sh -c set -x     && addgroup --system --gid 101 nginx     && adduser "
                 "--system --disabled-login --ingroup nginx --no-create-home --home /nonexistent "
                 "--gecos \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update "
                 "    && apt-get install --no-install-recommends --no-install-suggests -y "
                 "nginx=${NGINX_VERSION}-${PKG_RELEASE}     && rm -rf /var/lib/apt/lists/*     "
                 "&& ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr "
                 "/var/log/nginx/error.log")),
        step("2023-02-09T04:52:59Z",
             QStringLiteral("/bin/sh -c #(nop) COPY file:") + copyHash + QStringLiteral(" in / ")),
        step("2023-02-09T04:52:59Z", nop("ENTRYPOINT [\"/docker-entrypoint.sh\"]"), true),
        step("2023-02-09T04:53:00Z", nop("EXPOSE 80"), true),
        step("2023-02-09T04:53:00Z", nop("STOPSIGNAL SIGQUIT"), true),
        step("2023-02-09T04:53:00Z", nop("CMD [\"nginx\" \"-g\" \"daemon off;\"]"), true),
    };
    // A later build on top of it, made by BuildKit, which records steps its own way.
    HistoryStep slim = step("2023-03-14T09:12:40Z",
                            QStringLiteral("RUN /bin/sh -c rm -rf /usr/share/doc/*     && mkdir -p "
                                           "/usr/share/doc/nginx     && printf 'Documentation was "
                                           "removed...' > /usr/share/doc/nginx/README # buildkit"));
    slim.comment = QStringLiteral("buildkit.dockerfile.v0");
    image.history.push_back(slim);

    image.created = QStringLiteral("2023-03-14T09:12:40Z");
    image.config = QJsonObject{
        {QStringLiteral("ExposedPorts"), QJsonObject{{QStringLiteral("80/tcp"), QJsonObject{}}}},
        {QStringLiteral("Env"),
         QJsonArray{
             QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
             QStringLiteral("NGINX_VERSION=1.21.6"), QStringLiteral("PKG_RELEASE=1~bullseye")}},
        {QStringLiteral("Cmd"),
         QJsonArray{QStringLiteral("nginx"), QStringLiteral("-g"), QStringLiteral("daemon off;")}},
        {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/docker-entrypoint.sh")}},
        {QStringLiteral("Labels"),
         QJsonObject{{QStringLiteral("maintainer"),
                      QStringLiteral("Strata Demo Maintainers <demo@strata.example>")}}},
        {QStringLiteral("StopSignal"), QStringLiteral("SIGQUIT")},
    };
    return image;
}

std::vector<Image> demoReuseImages()
{
    const Image nginx = demoImage();

    // The same image with debugging tools on top: every layer of nginx:1.0 is shared.
    Image debug = nginx;
    debug.tags = {QString::fromLatin1(kDemoDebugTag)};
    debug.layers.push_back(debugToolsLayer());
    debug.history.push_back(
        step("2023-03-20T10:02:11Z",
             QStringLiteral("/bin/sh -c apt-get update && apt-get install -y curl procps "
                            "&& rm -rf /var/lib/apt/lists/*")));
    debug.created = QStringLiteral("2023-03-20T10:02:11Z");

    // Another image FROM the same base. Its entrypoint layer has the very bytes of nginx's, but
    // sits on another chain: the engine stores that content twice.
    Image php;
    php.tags = {QString::fromLatin1(kDemoPhpTag)};
    php.layers = {nginx.layers[0], phpLayer(), nginx.layers[2]};
    const QString copyHash = imagewriter::diffId(php.layers[2]).mid(7);
    php.history = {
        nginx.history[0],
        nginx.history[1],
        step("2023-02-10T08:30:00Z",
             QStringLiteral(
                 "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends php-fpm "
                 "&& rm -rf /var/lib/apt/lists/*")),
        step("2023-02-10T08:30:01Z",
             QStringLiteral("/bin/sh -c #(nop) COPY file:") + copyHash + QStringLiteral(" in / ")),
        step("2023-02-10T08:30:01Z", nop("ENTRYPOINT [\"/docker-entrypoint.sh\"]"), true),
        step("2023-02-10T08:30:01Z", nop("CMD [\"php-fpm\"]"), true),
    };
    php.created = QStringLiteral("2023-02-10T08:30:01Z");
    php.config = QJsonObject{
        {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("php-fpm")}},
        {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/docker-entrypoint.sh")}},
    };
    return {nginx, debug, php};
}

} // namespace strata::demo
