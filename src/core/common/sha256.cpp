#include "common/sha256.h"

#include <openssl/evp.h>

namespace strata {

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::addData(QByteArrayView data)
{
    EVP_DigestUpdate(m_context, data.data(), size_t(data.size()));
}

QByteArray Sha256::result()
{
    if (m_result.isEmpty()) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_context, digest, &length);
        m_result = QByteArray(reinterpret_cast<const char *>(digest), qsizetype(length));
    }
    return m_result;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 sha;
    sha.addData(data);
    return sha.result();
}

} // namespace strata
