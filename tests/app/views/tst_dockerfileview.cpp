#include "analysis/dockerfile.h"
#include "fixtureimage.h"
#include "image/historytext.h"
#include "models/viewcolors.h"
#include "views/dockerfilehighlighter.h"
#include "views/dockerfileview.h"

#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace strata;

namespace {

HistoryEntry step(const QString &raw)
{
    HistoryEntry entry;
    entry.created = QStringLiteral("2024-02-01T09:00:00Z");
    entry.createdByRaw = raw;
    const CleanedCommand cleaned = cleanCreatedBy(raw);
    entry.createdBy = cleaned.text;
    entry.instruction = cleaned.instruction;
    entry.buildkit = cleaned.buildkit;
    return entry;
}

// The colour the highlighter gave to the character at `column` of line `line`.
QColor colourAt(const QTextDocument *document, int line, int column)
{
    const QTextBlock block = document->findBlockByNumber(line);
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

} // namespace

class TestDockerfileView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_snyk = test::loadFixture(QStringLiteral("snyk_cli/docker-test-image.tar"));
        QVERIFY2(m_snyk.ok(), qPrintable(m_snyk.error));
    }

    void showsTheReconstructedDockerfile()
    {
        DockerfileView view;
        view.setImage(m_snyk.image);
        QVERIFY(view.isReadOnly());
        QCOMPARE(view.toPlainText(), dockerfileFromHistory(m_snyk.image.history));
        QCOMPARE(view.objectName(), QStringLiteral("dockerfileView"));
    }

    // Line 6 is `RUN echo "..." > /test-file.txt \`, line 7 `    && mkdir -p /app \`.
    void highlightsSyntax()
    {
        DockerfileView view;
        view.setImage(m_snyk.image);
        const QTextDocument *document = view.document();
        const SyntaxColors colours = syntaxColors(view.palette());
        QVERIFY(
            document->findBlockByNumber(6).text().startsWith(QLatin1String("RUN echo \"This is")));
        QCOMPARE(colourAt(document, 0, 0), colours.comment); // the header comment
        QCOMPARE(colourAt(document, 1, 0), colours.keyword); // FROM
        QCOMPARE(colourAt(document, 4, 3), colours.comment); // the base image comment
        QCOMPARE(colourAt(document, 6, 0), colours.keyword); // RUN
        QCOMPARE(colourAt(document, 6, 2), colours.keyword);
        QVERIFY(!colourAt(document, 6, 4).isValid());       // echo: plain
        QCOMPARE(colourAt(document, 6, 9), colours.string); // "This is...
        const QString runLine = document->findBlockByNumber(6).text();
        QCOMPARE(colourAt(document, 6, int(runLine.size()) - 1),
                 colours.operatorColor);                           // the trailing backslash
        QCOMPARE(colourAt(document, 7, 4), colours.operatorColor); // &&
        // A continued line does not start with an instruction, even if its first word is one.
        QVERIFY(!colourAt(document, 7, 7).isValid()); // mkdir
    }

    void highlightsVariablesFlagsAndContinuedStrings()
    {
        DockerfileView view;
        // As buildkit writes them.
        view.setHistory(
            {step(QStringLiteral("ENV PATH=/opt/bin:$PATH")),
             step(QStringLiteral("COPY --from=build --chown=app /out /srv # buildkit")),
             step(QStringLiteral("RUN /bin/sh -c echo \"home is ${HOME}\" > /etc/motd && echo 'no "
                                 "$VARS here' >> /etc/motd && echo done with it # buildkit")),
             step(QStringLiteral("CMD [\"nginx\", \"-g\", \"daemon off;\"]"))});
        const QTextDocument *document = view.document();
        const SyntaxColors colours = syntaxColors(view.palette());
        QCOMPARE(document->findBlockByNumber(2).text(), QStringLiteral("ENV PATH=/opt/bin:$PATH"));
        QCOMPARE(colourAt(document, 2, 18), colours.variable);
        QCOMPARE(colourAt(document, 2, 22), colours.variable);
        QCOMPARE(colourAt(document, 3, 5), colours.option);  // --from=build
        QCOMPARE(colourAt(document, 3, 18), colours.option); // --chown=app
        QVERIFY(!colourAt(document, 3, 30).isValid());       // /out
        const QString run = document->findBlockByNumber(4).text();
        QCOMPARE(run, QStringLiteral("RUN echo \"home is ${HOME}\" > /etc/motd \\"));
        QCOMPARE(colourAt(document, 4, int(run.indexOf(QLatin1String("home")))), colours.string);
        QCOMPARE(colourAt(document, 4, int(run.indexOf(QLatin1String("${HOME}"))) + 2),
                 colours.variable);
        QCOMPARE(colourAt(document, 4, int(run.indexOf(QLatin1String("}\""))) + 1), colours.string);
        const QString second = document->findBlockByNumber(5).text();
        QCOMPARE(colourAt(document, 5, int(second.indexOf(QLatin1String("$VARS")))),
                 colours.string); // single quotes
        const QString cmd = document->findBlockByNumber(7).text();
        QCOMPARE(colourAt(document, 7, int(cmd.indexOf(QLatin1String("off;")))),
                 colours.string); // ; inside a string
    }

    void followsThePalette()
    {
        DockerfileView view;
        view.setImage(m_snyk.image);
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        QVERIFY(!isDarkPalette(view.palette()));
        const QColor light = colourAt(view.document(), 1, 0);
        view.setPalette(dark);
        const QColor onDark = colourAt(view.document(), 1, 0);
        QCOMPARE(onDark, syntaxColors(dark).keyword);
        QVERIFY(onDark != light);
        QVERIFY(onDark.lightnessF() > 0.5);
    }

    // Monospace, at the size of the window's font (which the presentation zoom scales).
    void followsTheWindowFont()
    {
        QWidget window;
        auto *view = new DockerfileView(&window);
        QFont big = window.font();
        big.setPointSizeF(30);
        window.setFont(big);
        QCOMPARE(view->font().pointSizeF(), 30.0);
        QVERIFY(QFontInfo(view->font()).fixedPitch());
    }

    void marksTheCurrentStep()
    {
        DockerfileView view;
        view.setImage(m_snyk.image);
        QCOMPARE(view.lineOfStep(3), 6);
        view.selectStep(3);
        const QList<QTextEdit::ExtraSelection> marks = view.extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().cursor.selectionStart(),
                 view.document()->findBlockByNumber(6).position());
        const QTextBlock last = view.document()->findBlockByNumber(8); // the RUN takes 3 lines
        QCOMPARE(marks.first().cursor.selectionEnd(), last.position() + last.length() - 1);
        view.selectStep(-1);
        QVERIFY(view.extraSelections().isEmpty());
    }

private:
    test::FixtureImage m_snyk;
};

QTEST_MAIN(TestDockerfileView)
#include "tst_dockerfileview.moc"
