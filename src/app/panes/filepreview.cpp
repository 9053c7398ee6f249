#include "panes/filepreview.h"

#include "common/datasize.h"
#include "models/formatting.h"
#include "source/imagesource.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

#include <limits>

namespace strata {

struct FilePreview::ReadResult
{
    QByteArray data;
    Error error;
};

namespace {

struct SaveResult
{
    bool ok = false;
    QString message;
};

} // namespace

QString decodePreviewText(const QByteArray &data, bool truncated, bool *binary)
{
    *binary = false;
    if (data.contains('\0')) {
        *binary = true;
        return QString();
    }
    QByteArray text = data;
    if (truncated) {
        // Drop a multi-byte sequence the 64 KiB cut went through.
        int cut = 0;
        while (cut < 4 && cut < text.size() && (uchar(text[text.size() - 1 - cut]) & 0xc0) == 0x80)
            ++cut;
        if (cut < text.size() && (uchar(text[text.size() - 1 - cut]) & 0xc0) == 0xc0)
            text.chop(cut + 1);
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString result = decoder.decode(text);
    if (decoder.hasError()) {
        *binary = true;
        return QString();
    }
    return result;
}

QString hexDump(const QByteArray &data, int maxBytes)
{
    QString out;
    const int n = std::min<int>(int(data.size()), maxBytes);
    for (int offset = 0; offset < n; offset += 16) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (offset + i < n) {
                const uchar c = uchar(data[offset + i]);
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(char(c)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QStringLiteral(" |") + ascii + QStringLiteral("|\n");
    }
    return out;
}

FilePreview::FilePreview(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_save(new QPushButton(tr("Save As…"), this))
{
    m_state->setObjectName(QStringLiteral("previewState"));
    m_state->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Only the family: the size follows the window, so presentation zoom applies here too.
    QFont mono;
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    m_save->setObjectName(QStringLiteral("saveAs"));
    m_save->setToolTip(tr("Extract this file from its layer to a file of your choice"));
    m_save->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_state, 1);
    top->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    connect(m_save, &QPushButton::clicked, this, &FilePreview::chooseSaveTarget);
    showNothing(QString());
}

void FilePreview::setState(const QString &text)
{
    m_state->setText(text);
}

QString FilePreview::text() const
{
    return m_text->toPlainText();
}

QString FilePreview::stateText() const
{
    return m_state->text();
}

void FilePreview::showNothing(const QString &reason)
{
    m_reading.cancel();
    m_loading = false;
    m_source.reset();
    m_text->clear();
    m_text->setVisible(false);
    m_save->setEnabled(false);
    m_save->setVisible(false);
    setState(reason);
}

void FilePreview::showFile(std::shared_ptr<ImageSource> source, int image, int layer,
                           const QString &path, qint64 size)
{
    m_source = std::move(source);
    m_image = image;
    m_layer = layer;
    m_path = path;
    m_size = size;
    m_loading = true;
    m_text->clear();
    m_text->setVisible(true);
    m_save->setEnabled(true);
    m_save->setVisible(true);
    setState(tr("Reading the file from layer %1…").arg(layer));

    m_reading.run(
        [source = m_source, image, layer, path] {
            ReadResult r;
            r.data = source->readFile(image, layer, path, kPreviewBytes, &r.error);
            return r;
        },
        [this](const ReadResult &result) { showRead(result); });
}

void FilePreview::showRead(const ReadResult &result)
{
    m_loading = false;
    if (result.error) {
        m_text->setVisible(false);
        m_save->setEnabled(false);
        setState(tr("The file could not be read: %1").arg(result.error.toString()));
    } else {
        const bool truncated = result.data.size() >= kPreviewBytes;
        bool binary = false;
        const QString text = decodePreviewText(result.data, truncated, &binary);
        if (binary) {
            m_text->setPlainText(hexDump(result.data));
            setState(tr("Binary file, %1 — the first bytes:").arg(formatDataSize(m_size)));
        } else {
            m_text->setPlainText(text);
            setState(truncated ? tr("Text file, %1 — the first %2:")
                                     .arg(formatDataSize(m_size), formatDataSize(kPreviewBytes))
                               : tr("Text file, %1").arg(formatDataSize(m_size)));
        }
    }
    emit previewReady();
}

void FilePreview::chooseSaveTarget()
{
    if (!m_source)
        return;
    const QString suggested = QFileInfo(m_path).fileName();
    const QString target = QFileDialog::getSaveFileName(this, tr("Save File As"), suggested);
    if (!target.isEmpty())
        saveTo(target);
}

void FilePreview::saveTo(const QString &target)
{
    if (!m_source)
        return;
    m_save->setEnabled(false);
    m_saving.run(
        [source = m_source, image = m_image, layer = m_layer, path = m_path, target] {
            SaveResult r;
            Error error;
            const QByteArray data =
                source->readFile(image, layer, path, std::numeric_limits<qint64>::max(), &error);
            if (error) {
                r.message = error.toString();
                return r;
            }
            // QSaveFile writes next to the target and renames: an existing symlink at the
            // target is replaced, never followed, and a failed write leaves no half file.
            QSaveFile file(target);
            if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() ||
                !file.commit()) {
                r.message = QCoreApplication::translate("strata::FilePreview", "%1: %2")
                                .arg(target, file.errorString());
                return r;
            }
            r.ok = true;
            r.message = QCoreApplication::translate("strata::FilePreview", "Saved %1 (%2).")
                            .arg(target, formatDataSize(data.size()));
            return r;
        },
        [this](const SaveResult &result) {
            m_save->setEnabled(m_source != nullptr);
            emit saveFinished(result.ok, result.message);
        });
}

} // namespace strata
