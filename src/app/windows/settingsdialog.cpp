#include "windows/settingsdialog.h"

#include "cache/cachedirectory.h"
#include "common/datasize.h"
#include "engine/savedimage.h"
#include "registry/blobcache.h"
#include "source/sourcesettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace strata {

namespace {
constexpr qint64 kGiB = qint64(1) << 30;
} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_host(new QLineEdit(this)), m_insecure(new QLineEdit(this)),
      m_limit(new QSpinBox(this)), m_usage(new QLabel(this)),
      m_clear(new QPushButton(tr("C&lear Cache"), this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const SourceSettings settings = SourceSettings::load();
    m_host->setObjectName(QStringLiteral("engineHost"));
    m_host->setText(settings.engineHost);
    m_host->setPlaceholderText(tr("unix:///run/user/1000/docker.sock"));
    m_host->setMinimumWidth(m_host->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
    m_host->setToolTip(tr("An engine to try before DOCKER_HOST, the current Docker context and "
                          "the usual sockets: unix://PATH, tcp://HOST:PORT or https://HOST:PORT"));
    m_insecure->setObjectName(QStringLiteral("insecureRegistries"));
    m_insecure->setText(settings.insecureRegistries.join(QStringLiteral(", ")));
    m_insecure->setPlaceholderText(tr("registry.lan:5000, 10.0.0.5:5000"));
    m_insecure->setToolTip(tr("Registries that may be asked in plain HTTP when they do not speak "
                              "TLS, as Docker's insecure-registries. This machine's registries "
                              "(localhost, 127.0.0.1) always may."));
    m_limit->setObjectName(QStringLiteral("cacheLimit"));
    m_limit->setRange(1, 10000);
    m_limit->setSuffix(tr(" GiB"));
    m_limit->setValue(int(std::max<qint64>(1, settings.cacheLimit / kGiB)));
    m_usage->setObjectName(QStringLiteral("cacheUsage"));
    m_usage->setWordWrap(false);
    m_usage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_clear->setObjectName(QStringLiteral("clearCache"));
    m_clear->setAutoDefault(false);

    auto *explain = new QLabel(tr("The layers of images opened from an engine or a registry are "
                                  "kept here once (one file per digest, shared by every image "
                                  "that uses it) and read from here the next time. What was used "
                                  "least recently goes first when the cache is full."));
    explain->setWordWrap(true);
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_usage, 1);
    cacheRow->addWidget(m_clear);
    auto *form = new QFormLayout;
    form->addRow(tr("Engine address:"), m_host);
    form->addRow(tr("Plain HTTP registries:"), m_insecure);
    form->addRow(tr("Cache limit:"), m_limit);
    form->addRow(QString(), explain);
    form->addRow(tr("Cache:"), cacheRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clear, &QPushButton::clicked, this, &SettingsDialog::clearCache);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    showUsage();
    // As wide as the cache's usage line needs: a wrapped line lost its end under the buttons.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
}

void SettingsDialog::save() const
{
    SourceSettings settings = SourceSettings::load();
    settings.engineHost = m_host->text().trimmed();
    settings.insecureRegistries.clear();
    for (const QString &host : m_insecure->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        settings.insecureRegistries << host.trimmed();
    settings.cacheLimit = qint64(m_limit->value()) * kGiB;
    settings.save();
}

void SettingsDialog::showUsage()
{
    const CacheDirectory images(savedImagesDir(), 0);
    const CacheDirectory blobs(blobCacheDir(), 0);
    const int imageCount = images.entryCount();
    const int blobCount = blobs.entryCount();
    m_usage->setText(tr("%1 in %n image(s) and %2 at %3", nullptr, imageCount)
                         .arg(formatDataSize(images.totalSize() + blobs.totalSize()),
                              tr("%n layer(s)", nullptr, blobCount),
                              QDir::toNativeSeparators(CacheDirectory::defaultRoot())));
    m_clear->setEnabled(imageCount + blobCount > 0);
}

void SettingsDialog::clearCache()
{
    Error error;
    for (const QString &dir : {savedImagesDir(), blobCacheDir()}) {
        if (!CacheDirectory(dir, 0).clear(&error)) {
            QMessageBox::warning(this, tr("Clear Cache"), error.toString());
            break;
        }
    }
    showUsage();
}

} // namespace strata
