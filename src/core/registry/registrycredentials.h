#pragma once

#include <QString>

#include <optional>

namespace strata {

// A user name and password (or token) for one registry, and where they were found: messages
// say which credentials a registry refused.
struct RegistryCredentials
{
    QString username;
    QString password;
    QString identityToken; // an OAuth refresh token some registries give `docker login`
    QString origin;        // "~/.docker/config.json", "docker-credential-pass", "typed in"
};

// The credentials stored for `registry` ("docker.io", "127.0.0.1:5000") where Docker and
// Podman keep them: given this session (rememberCredentials), then Podman's auth.json
// ($REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json,
// ~/.config/containers/auth.json), then Docker's config.json ($DOCKER_CONFIG or ~/.docker):
// its `auths` (base64 "user:password"), `credHelpers` and `credsStore` (by running
// `docker-credential-NAME get`). nullopt when none is stored.
std::optional<RegistryCredentials> storedCredentials(const QString &registry);

// Credentials the user typed for `registry`, kept in memory for the rest of the process and
// never written to disk.
void rememberCredentials(const QString &registry, const RegistryCredentials &credentials);
void forgetCredentials(const QString &registry);
// Counts the changes of typed credentials this session: an authorization a registry gave for
// the credentials before a change is not sent after it.
quint64 typedCredentialsChanges();
// The user name typed for `registry` this session (empty when none was), to offer again when
// the registry refused the password.
QString rememberedUser(const QString &registry);

// The places storedCredentials() looks, for messages: "~/.docker/config.json,
// $XDG_RUNTIME_DIR/containers/auth.json".
QString credentialPlaces();

} // namespace strata
