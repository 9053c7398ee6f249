#include "packages/rpmdatabase.h"

#include <QtEndian>

#include <sqlite3.h>

#include <memory>

namespace strata {

namespace {

// The header tags Strata reads (rpmtag.h).
enum Tag : uint32_t
{
    Name = 1000,
    Version = 1001,
    Release = 1002,
    Epoch = 1003,
    Size = 1009,
    License = 1014,
    Arch = 1022,
    DirIndexes = 1116,
    BaseNames = 1117,
    DirNames = 1118,
    LongSize = 5009,
};

enum Type : uint32_t
{
    Int32 = 4,
    Int64 = 5,
    String = 6,
    StringArray = 8,
    I18nString = 9,
};

struct IndexEntry
{
    uint32_t type = 0;
    uint32_t offset = 0;
    uint32_t count = 0;
};

class Header
{
public:
    explicit Header(const QByteArray &blob) : m_blob(blob) {}

    bool parse()
    {
        if (m_blob.size() < 8)
            return false;
        const uint32_t count = word(0);
        const uint32_t dataLength = word(4);
        const qint64 storeStart = 8 + qint64(count) * 16;
        if (count > 100000 || storeStart + dataLength > m_blob.size())
            return false;
        m_store = m_blob.constData() + storeStart;
        m_storeLength = dataLength;
        for (uint32_t i = 0; i < count; ++i) {
            const qint64 at = 8 + qint64(i) * 16;
            const uint32_t tag = word(at);
            m_entries.push_back({tag, {word(at + 4), word(at + 8), word(at + 12)}});
        }
        return true;
    }

    QString string(uint32_t tag) const
    {
        const IndexEntry *e = find(tag);
        if (!e || (e->type != String && e->type != I18nString && e->type != StringArray))
            return {};
        return QString::fromUtf8(cString(e->offset));
    }
    std::vector<QByteArray> strings(uint32_t tag) const
    {
        std::vector<QByteArray> out;
        const IndexEntry *e = find(tag);
        if (!e || e->type != StringArray)
            return out;
        uint32_t offset = e->offset;
        for (uint32_t i = 0; i < e->count && offset < m_storeLength; ++i) {
            const QByteArray s = cString(offset);
            out.push_back(s);
            offset += uint32_t(s.size()) + 1;
        }
        return out;
    }
    std::vector<qint64> integers(uint32_t tag) const
    {
        std::vector<qint64> out;
        const IndexEntry *e = find(tag);
        if (!e || (e->type != Int32 && e->type != Int64))
            return out;
        const uint32_t width = e->type == Int32 ? 4 : 8;
        for (uint32_t i = 0; i < e->count; ++i) {
            const uint64_t at = uint64_t(e->offset) + uint64_t(i) * width;
            if (at + width > m_storeLength)
                break;
            out.push_back(width == 4 ? qint64(qFromBigEndian<uint32_t>(m_store + at))
                                     : qFromBigEndian<qint64>(m_store + at));
        }
        return out;
    }

private:
    uint32_t word(qint64 at) const { return qFromBigEndian<uint32_t>(m_blob.constData() + at); }
    const IndexEntry *find(uint32_t tag) const
    {
        for (const auto &[t, entry] : m_entries) {
            if (t == tag)
                return &entry;
        }
        return nullptr;
    }
    QByteArray cString(uint32_t offset) const
    {
        if (offset >= m_storeLength)
            return {};
        const char *start = m_store + offset;
        const size_t length = strnlen(start, m_storeLength - offset);
        return QByteArray(start, qsizetype(length));
    }

    const QByteArray &m_blob;
    const char *m_store = nullptr;
    uint32_t m_storeLength = 0;
    std::vector<std::pair<uint32_t, IndexEntry>> m_entries;
};

} // namespace

bool parseRpmHeader(const QByteArray &blob, Package *package)
{
    Header header(blob);
    if (!header.parse())
        return false;
    package->kind = PackageKind::Rpm;
    package->name = header.string(Name);
    if (package->name.isEmpty())
        return false;
    const std::vector<qint64> epoch = header.integers(Epoch);
    package->version =
        (epoch.empty() || epoch.front() == 0 ? QString()
                                             : QString::number(epoch.front()) + QLatin1Char(':')) +
        header.string(Version) + QLatin1Char('-') + header.string(Release);
    package->architecture = header.string(Arch);
    package->license = header.string(License);
    std::vector<qint64> size = header.integers(LongSize);
    if (size.empty())
        size = header.integers(Size);
    if (!size.empty())
        package->installedSize = size.front();
    const std::vector<QByteArray> dirs = header.strings(DirNames);
    const std::vector<QByteArray> bases = header.strings(BaseNames);
    const std::vector<qint64> indexes = header.integers(DirIndexes);
    for (size_t i = 0; i < bases.size() && i < indexes.size(); ++i) {
        if (indexes[i] < 0 || size_t(indexes[i]) >= dirs.size())
            continue;
        QByteArray path = dirs[size_t(indexes[i])] + bases[i];
        while (path.startsWith('/'))
            path.remove(0, 1);
        package->files.push_back(path.toStdString());
    }
    return true;
}

bool parseRpmSqlite(const QByteArray &database, const std::string &source,
                    std::vector<Package> *packages, QString *error)
{
    // SQLite refuses a write-ahead-log database it is handed in memory; the copy says it
    // uses a rollback journal instead (header bytes 18 and 19), which reads the same pages.
    QByteArray copy = database;
    if (copy.size() < 100 || !copy.startsWith("SQLite format 3")) {
        *error = QStringLiteral("is not an SQLite database");
        return false;
    }
    copy[18] = 1;
    copy[19] = 1;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> closer(db, &sqlite3_close);
    if (sqlite3_deserialize(db, "main", reinterpret_cast<unsigned char *>(copy.data()), copy.size(),
                            copy.size(), SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT blob FROM Packages", -1, &statement, nullptr) != SQLITE_OK) {
        *error =
            QStringLiteral("has no Packages table: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        return false;
    }
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        const QByteArray blob(static_cast<const char *>(sqlite3_column_blob(statement, 0)),
                              sqlite3_column_bytes(statement, 0));
        Package package;
        if (parseRpmHeader(blob, &package)) {
            package.source = source;
            packages->push_back(std::move(package));
        }
    }
    sqlite3_finalize(statement);
    if (status != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    return true;
}

} // namespace strata
