#include "windows/filediffwindow.h"

#include "common/datasize.h"
#include "models/formatting.h"
#include "tree/layertree.h"
#include "views/filediffview.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace strata {

namespace {

QToolButton *toolButton(const QString &text, const QString &name, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setObjectName(name);
    button->setToolTip(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

FileDiffWindow::FileDiffWindow(QWidget *parent)
    : QMainWindow(parent), m_title(new QLabel), m_sides(new QLabel), m_summary(new QLabel),
      m_sideBySide(toolButton(tr("Side by Side"), QStringLiteral("sideBySide"),
                              tr("The old version on the left, the new one on the right"))),
      m_unified(toolButton(tr("Unified"), QStringLiteral("unified"),
                           tr("One column: removed lines, then the lines that replace them"))),
      m_previous(toolButton(tr("Previous Change"), QStringLiteral("previousChange"),
                            tr("Go to the change above (Alt+Up)"))),
      m_next(toolButton(tr("Next Change"), QStringLiteral("nextChange"),
                        tr("Go to the change below (Alt+Down)"))),
      m_copy(toolButton(tr("Copy as Patch"), QStringLiteral("copyPatch"),
                        tr("Copy the changes as a unified diff, as diff -u writes it"))),
      m_pages(new QStackedWidget), m_message(new QLabel), m_view(new FileDiffView),
      m_hashes(new QLabel), m_symbols(new QTreeWidget)
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1400, 860);
    m_title->setObjectName(QStringLiteral("diffTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_sides->setObjectName(QStringLiteral("diffSides"));
    m_sides->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("diffSummary"));

    m_sideBySide->setCheckable(true);
    m_unified->setCheckable(true);
    m_sideBySide->setChecked(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_sideBySide);
    modes->addButton(m_unified);
    connect(m_sideBySide, &QToolButton::toggled, this, [this](bool on) {
        m_view->setMode(on ? FileDiffView::Mode::SideBySide : FileDiffView::Mode::Unified);
        updateSummary();
    });
    // Actions, so that their shortcuts work wherever the focus is in the window.
    const auto stepAction = [this](QToolButton *button, QKeySequence shortcut, auto slot) {
        auto *action = new QAction(button->text(), this);
        action->setToolTip(button->toolTip());
        action->setShortcut(shortcut);
        button->setDefaultAction(action);
        connect(action, &QAction::triggered, m_view, slot);
    };
    stepAction(m_next, QKeySequence(Qt::ALT | Qt::Key_Down), &FileDiffView::nextChange);
    stepAction(m_previous, QKeySequence(Qt::ALT | Qt::Key_Up), &FileDiffView::previousChange);
    auto *close = new QAction(tr("Close"), this);
    close->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
    connect(m_copy, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(QString::fromUtf8(patch())); });
    connect(m_view, &FileDiffView::currentChangeChanged, this, &FileDiffWindow::updateSummary);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_sideBySide);
    tools->addWidget(m_unified);
    tools->addSpacing(12);
    tools->addWidget(m_previous);
    tools->addWidget(m_next);
    tools->addSpacing(12);
    tools->addWidget(m_copy);
    tools->addStretch(1);
    tools->addWidget(m_summary);

    m_message->setObjectName(QStringLiteral("diffMessage"));
    m_message->setTextFormat(Qt::PlainText); // paths and errors are shown as they are
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_hashes->setObjectName(QStringLiteral("diffHashes"));
    m_hashes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hashes->setWordWrap(true);
    m_symbols->setObjectName(QStringLiteral("diffSymbols"));
    m_symbols->setHeaderLabels({tr("Symbol")});
    m_symbols->setUniformRowHeights(true);
    auto *hashPage = new QWidget;
    auto *hashLayout = new QVBoxLayout(hashPage);
    hashLayout->addWidget(m_hashes);
    hashLayout->addWidget(m_symbols, 1);
    m_pages->addWidget(m_message);
    m_pages->addWidget(m_view);
    m_pages->addWidget(hashPage);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_title);
    layout->addWidget(m_sides);
    layout->addLayout(tools);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void FileDiffWindow::compare(FileDiffSide a, FileDiffSide b, const QString &path)
{
    m_a = std::move(a);
    m_b = std::move(b);
    m_path = path;
    m_comparison.reset();
    setWindowTitle(tr("%1 — Differences").arg(QLatin1Char('/') + path));
    m_title->setText(QLatin1Char('/') + path);
    m_sides->setText(tr("Old: %1    New: %2").arg(m_a.label, m_b.label));
    m_message->setText(tr("Reading both versions…"));
    m_pages->setCurrentWidget(m_message);
    updateSummary();
    // The sides are copied into the work: their shared pointers keep the layers alive.
    m_work.run(
        [a = m_a, b = m_b, path = path.toStdString()] {
            const auto side = [&path](const FileDiffSide &s) {
                return FileSide{s.source.get(), s.image, LayerList(s.layers), s.top, path};
            };
            return std::make_shared<const FileComparison>(compareFile(side(a), side(b)));
        },
        [this](std::shared_ptr<const FileComparison> comparison) {
            showComparison(std::move(comparison));
        });
}

void FileDiffWindow::showComparison(std::shared_ptr<const FileComparison> comparison)
{
    m_comparison = std::move(comparison);
    const FileComparison &c = *m_comparison;
    if (c.error) {
        m_message->setText(tr("/%1 could not be read: %2").arg(m_path, c.error.toString()));
        m_pages->setCurrentWidget(m_message);
    } else if (!c.a.present && !c.b.present) {
        m_message->setText(tr("Neither side has a file at /%1.").arg(m_path));
        m_pages->setCurrentWidget(m_message);
    } else if (c.identical()) {
        m_message->setText(tr("Both versions are the same %1 (SHA-256 %2).")
                               .arg(formatDataSize(c.a.size), QString::fromLatin1(c.a.sha256)));
        m_pages->setCurrentWidget(m_message);
    } else if (c.hasLines()) {
        showLines();
    } else {
        showHashes();
    }
    updateSummary();
    emit comparisonShown();
}

void FileDiffWindow::showLines()
{
    const FileComparison &c = *m_comparison;
    m_pages->setCurrentWidget(m_view);
    m_view->setDiff(m_path, c.a.lines, c.b.lines, c.diff);
}

void FileDiffWindow::showHashes()
{
    const FileComparison &c = *m_comparison;
    const QString why = c.elf      ? tr("ELF files: compared by size, SHA-256 and their symbols.")
                        : c.binary ? tr("Binary files: compared by size and SHA-256.")
                                   : tr("Too large to compare line by line (more than %1): "
                                        "compared by size and SHA-256.")
                                         .arg(formatDataSize(FileComparisonLimits{}.text));
    const auto row = [](const QString &label, const FileComparison::Version &v) {
        const QString size = v.present ? formatDataSize(v.size) + QStringLiteral(" (") +
                                             format::exactSize(v.size) + QLatin1Char(')')
                                       : tr("no such file");
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td><tt>%3</tt></td></tr>")
            .arg(label.toHtmlEscaped(), size.toHtmlEscaped(), QString::fromLatin1(v.sha256));
    };
    m_hashes->setText(
        QStringLiteral("<p>%1</p><table cellspacing=\"8\">").arg(why.toHtmlEscaped()) +
        row(tr("Old"), c.a) + row(tr("New"), c.b) + QStringLiteral("</table>"));

    m_symbols->clear();
    m_symbols->setVisible(c.elf);
    if (c.elf) {
        const auto group = [this](const QString &title, const QList<QByteArray> &names) {
            auto *item = new QTreeWidgetItem(m_symbols, {title.arg(names.size())});
            for (const QByteArray &name : names)
                new QTreeWidgetItem(item, {QString::fromUtf8(name)});
            item->setExpanded(names.size() <= 200);
        };
        group(tr("Symbols defined only in the new version (%1)"), c.symbols.added);
        group(tr("Symbols defined only in the old version (%1)"), c.symbols.removed);
        group(tr("Symbols the new version also takes from other libraries (%1)"),
              c.symbols.importsAdded);
        group(tr("Symbols the new version no longer takes from other libraries (%1)"),
              c.symbols.importsRemoved);
    }
    m_pages->setCurrentIndex(2);
}

void FileDiffWindow::updateSummary()
{
    const bool lines = m_comparison && m_pages->currentWidget() == m_view;
    // Hidden for what has no lines; the step buttons' actions carry the shortcuts, so
    // those are disabled too.
    for (QToolButton *button : {m_sideBySide, m_unified, m_previous, m_next, m_copy}) {
        button->setVisible(lines);
        if (QAction *action = button->defaultAction())
            action->setEnabled(lines);
    }
    if (!m_comparison) {
        m_summary->clear();
        return;
    }
    const FileComparison &c = *m_comparison;
    if (!lines) {
        m_summary->setText(c.a.size == c.b.size ? QString()
                                                : tr("%1 → %2").arg(formatDataSize(c.a.size),
                                                                    formatDataSize(c.b.size)));
        return;
    }
    QString text = tr("+%1 −%2 lines").arg(c.diff.added).arg(c.diff.removed);
    const int change = m_view->currentChange();
    if (m_view->changeCount() > 0)
        text += QStringLiteral("   ") +
                tr("change %1 of %2").arg(std::max(change, 0) + 1).arg(m_view->changeCount());
    if (c.diff.approximate)
        text += QStringLiteral("   ") + tr("(too many changes for the shortest diff)");
    m_summary->setText(text);
}

QByteArray FileDiffWindow::patch() const
{
    if (!m_comparison || !m_comparison->hasLines())
        return {};
    const QByteArray label = '/' + m_path.toUtf8();
    return unifiedDiff(m_comparison->a.lines, m_comparison->b.lines, m_comparison->diff,
                       "a" + label, "b" + label);
}

} // namespace strata
