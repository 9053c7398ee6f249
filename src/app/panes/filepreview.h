#pragma once

#include "models/backgroundwork.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace strata {

class ImageSource;
class MessageBar;

// The start of a file's content (64 KiB, text or a hex dump), read from its layer blob off the
// GUI thread, and "Save As…" to extract the file. Extraction writes the file's bytes, and only
// them, to the path the user chose; nothing in the archive (symlinks, modes) is followed or
// applied.
class FilePreview final : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kPreviewBytes = 64 * 1024;

    explicit FilePreview(QWidget *parent = nullptr);

    // A regular file (or hard link) of `layer` to preview; anything else shows `reason`.
    void showFile(std::shared_ptr<ImageSource> source, int image, int layer, const QString &path,
                  qint64 size);
    void showNothing(const QString &reason);

    // Extracts the previewed file to `target` (Save As… asks for it first).
    void saveTo(const QString &target);
    QString text() const;      // the preview as shown
    QString stateText() const; // "Loading…", "Binary file…", errors
    bool isLoading() const { return m_loading; }

signals:
    void previewReady();
    void saveFinished(bool ok, const QString &message);

private:
    struct ReadResult;
    void chooseSaveTarget();
    void setState(const QString &text);
    void showRead(const ReadResult &result);

    BackgroundWork m_reading{this};
    BackgroundWork m_saving{this};
    std::shared_ptr<ImageSource> m_source;
    int m_image = -1;
    int m_layer = -1;
    QString m_path;
    qint64 m_size = 0;
    bool m_loading = false;
    QLabel *m_state;
    QPlainTextEdit *m_text;
    QPushButton *m_save;
};

// Text when the bytes are UTF-8 without NUL bytes (a sequence cut at `truncated` end is
// allowed), otherwise an empty QString and *binary = true.
QString decodePreviewText(const QByteArray &data, bool truncated, bool *binary);
// "00000000  7f 45 4c 46 ...  |.ELF...|" lines, like hexdump -C.
QString hexDump(const QByteArray &data, int maxBytes = 4096);

} // namespace strata
