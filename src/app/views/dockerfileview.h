#pragma once

#include "image/imageinfo.h"

#include <QList>
#include <QPlainTextEdit>

namespace strata {

struct BaseImage;

class DockerfileHighlighter;

// The Dockerfile reconstructed from the image history, read-only and highlighted; the
// instruction of the current history step is marked.
class DockerfileView final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit DockerfileView(QWidget *parent = nullptr);

    void setHistory(const QList<HistoryEntry> &history);
    void setImage(const ImageInfo &image);
    DockerfileHighlighter *highlighter() const { return m_highlighter; }
    // The first line (from 0) of a step's instruction, -1 when there is no such step.
    int lineOfStep(int historyIndex) const;
    int currentStep() const { return m_currentStep; }

public Q_SLOTS:
    void selectStep(int historyIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const QList<HistoryEntry> &history, const BaseImage *base);
    void markStep();

    DockerfileHighlighter *m_highlighter;
    QList<HistoryEntry> m_history;
    QList<int> m_stepLines;
    int m_currentStep = -1;
};

} // namespace strata
