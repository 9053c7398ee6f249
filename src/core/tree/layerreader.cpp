#include "tree/layerreader.h"

#include "archive/bytesource.h"
#include "common/paths.h"

#include <archive.h>
#include <archive_entry.h>

namespace strata {

LayerReader::LayerReader(ByteSource &blob, QString file, QString member)
    : m_file(std::move(file)), m_member(std::move(member))
{
    QString openError;
    m_archive = openArchiveReader(&blob, &openError);
    if (!m_archive)
        fail(openError);
}

LayerReader::~LayerReader()
{
    if (m_archive)
        archive_read_free(m_archive);
}

void LayerReader::fail(const QString &message)
{
    if (!m_error)
        m_error = Error::make(Error::Kind::DamagedLayer, m_file, message, m_member);
}

bool LayerReader::next(LayerEntry *entry)
{
    while (m_archive && !m_error) {
        struct archive_entry *e = nullptr;
        const int status = archive_read_next_header(m_archive, &e);
        if (status == ARCHIVE_EOF)
            return false;
        if (status != ARCHIVE_OK && !(status == ARCHIVE_WARN && isCharsetWarning(m_archive))) {
            fail(QString::fromUtf8(archive_error_string(m_archive)));
            return false;
        }
        m_entry = e;
        const char *name = archive_entry_pathname(e);
        if (!cleanPath(name ? name : "", &entry->path) || entry->path.empty())
            continue;
        entry->hardlink.clear();
        entry->symlink.clear();
        entry->size = 0;
        entry->headerOffset = archive_read_header_position(m_archive);
        entry->mode = uint32_t(archive_entry_perm(e));
        if (const char *target = archive_entry_hardlink(e)) {
            if (!cleanPath(target, &entry->hardlink))
                continue;
            entry->type = FileType::Hardlink;
            return true;
        }
        switch (archive_entry_filetype(e)) {
        case AE_IFDIR:
            entry->type = FileType::Directory;
            break;
        case AE_IFLNK:
            entry->type = FileType::Symlink;
            entry->symlink = archive_entry_symlink(e) ? archive_entry_symlink(e) : "";
            break;
        case AE_IFCHR:
            entry->type = FileType::CharDevice;
            break;
        case AE_IFBLK:
            entry->type = FileType::BlockDevice;
            break;
        case AE_IFIFO:
            entry->type = FileType::Fifo;
            break;
        default:
            entry->type = FileType::Regular;
            entry->size = archive_entry_size(e);
            break;
        }
        return true;
    }
    return false;
}

qint64 LayerReader::read(char *buffer, qint64 max)
{
    if (!m_archive || m_error)
        return -1;
    const la_ssize_t got = archive_read_data(m_archive, buffer, size_t(max));
    if (got < 0) {
        fail(QString::fromUtf8(archive_error_string(m_archive)));
        return -1;
    }
    return got;
}

bool LayerReader::readAll(QByteArray *data, qint64 maxBytes)
{
    data->clear();
    char buffer[64 * 1024];
    for (;;) {
        const qint64 got = read(buffer, sizeof buffer);
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        if (data->size() + got > maxBytes) {
            data->append(buffer, qsizetype(maxBytes - data->size()));
            return true;
        }
        data->append(buffer, qsizetype(got));
    }
}

} // namespace strata
