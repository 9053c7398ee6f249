#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace strata {

class ImagePage;
class ImageTab;
class MainWindow;
class ReuseWindow;
class Spotlight;

// The classroom lesson "what is an image", step by step on the image of the current tab (the
// demo image when none is open): each step turns the window to the view that shows one
// concept, frames the part to look at, and says it in a sentence or two for students.
class Lesson final : public QObject
{
    Q_OBJECT
public:
    enum Step
    {
        Layers,
        ReadOnly,
        ContainerLayer,
        DockerImages,
        DockerSave,
        Manifest,
        LayerFolder,
        LayerFiles,
        History,
        Reuse,
        Overlay,
        Whiteouts,
        Sizes,
        StepCount
    };

    explicit Lesson(MainWindow *window);
    ~Lesson() override;

    static QString title(int step);

    int current() const { return m_step; }
    // The caption of the current step, its figures filled in from the image.
    QString caption() const { return m_caption; }
    // The part of the window the step is about.
    QWidget *target() const;
    Spotlight *spotlight() const { return m_spotlight; }

public slots:
    void go(int step);
    void next();
    void previous();
    // Leaves the window as the last step left it, without the frame.
    void stop();

signals:
    void stepChanged(int step);

private:
    // Applies the current step once the tab's image is read; again when it is.
    void apply();
    void show(ImagePage *page, ImageTab *tab);
    void setTarget(QWidget *target, const QString &caption);
    void closeReuse();

    MainWindow *m_window;
    Spotlight *m_spotlight;
    int m_step = -1;
    QString m_caption;
    QPointer<ReuseWindow> m_reuse;
    QPointer<ImageTab> m_waitingFor;
};

} // namespace strata
