#include "gradingpanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace RaceGrade {

GradingPanel::GradingPanel(QWidget *parent)
    : QWidget(parent)
{
    m_classBar = new QProgressBar(this);
    m_classBar->setAccessibleName(tr("Class progress"));
    m_classBar->setFormat(tr("%v of %m submissions"));
    m_runsBar = new QProgressBar(this);
    m_runsBar->setAccessibleName(tr("Runs of the submissions in progress"));
    m_runsBar->setFormat(tr("runs %v of %m"));
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Grading status"));
    m_current = new QLabel(this);
    m_current->setAccessibleName(tr("Submissions in progress"));
    m_current->setTextFormat(Qt::PlainText);
    m_current->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_pause = new QPushButton(tr("&Pause"), this);
    m_pause->setCheckable(true);
    m_pause->setAccessibleName(tr("Pause or resume grading"));
    m_pause->setToolTip(tr("Pause: the programs that run now finish, no new ones start (F6)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setAccessibleName(tr("Cancel grading"));
    m_cancel->setToolTip(tr("Stop grading; what is graded stays, and Grade Class continues "
                            "where it stopped (Shift+F5)"));
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        setPauseRequested(paused);
        Q_EMIT pauseToggled(paused);
    });
    connect(m_cancel, &QPushButton::clicked, this, &GradingPanel::cancelClicked);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *classLabel = new QLabel(tr("Class:"), this);
    classLabel->setBuddy(m_classBar);
    auto *runsLabel = new QLabel(tr("In progress:"), this);
    runsLabel->setBuddy(m_runsBar);
    layout->addWidget(classLabel, 0, 0);
    layout->addWidget(m_classBar, 0, 1);
    layout->addWidget(m_status, 0, 2);
    layout->addWidget(m_pause, 0, 3);
    layout->addWidget(runsLabel, 1, 0);
    layout->addWidget(m_runsBar, 1, 1);
    layout->addWidget(m_current, 1, 2);
    layout->addWidget(m_cancel, 1, 3);
    layout->setColumnStretch(1, 2);
    layout->setColumnStretch(2, 3);
}

GradingPanel::~GradingPanel() = default;

QString GradingPanel::durationText(double seconds)
{
    const qint64 whole = qMax<qint64>(0, qRound64(seconds));
    if (whole < 60) {
        return tr("%1 s").arg(whole);
    }
    if (whole < 3600) {
        return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    }
    return tr("%1 h %2 min").arg(whole / 3600).arg(whole / 60 % 60, 2, 10, QLatin1Char('0'));
}

void GradingPanel::start()
{
    m_cancelling = false;
    m_classBar->setRange(0, 0);
    m_classBar->setValue(0);
    m_runsBar->setRange(0, 1);
    m_runsBar->setValue(0);
    m_status->setText(tr("Preparing…"));
    m_current->clear();
    {
        const QSignalBlocker blocker(m_pause);
        m_pause->setChecked(false);
    }
    m_pauseRequested = false;
    m_pause->setText(tr("&Pause"));
    m_pause->setEnabled(true);
    m_cancel->setEnabled(true);
}

void GradingPanel::setPauseRequested(bool paused)
{
    m_pauseRequested = paused;
    {
        const QSignalBlocker blocker(m_pause);
        m_pause->setChecked(paused);
    }
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    if (!m_cancelling) {
        m_status->setText(paused ? tr("Pausing…") : tr("Resuming…"));
    }
}

void GradingPanel::setCancelling()
{
    m_cancelling = true;
    m_status->setText(tr("Cancelling…"));
    m_pause->setEnabled(false);
    m_cancel->setEnabled(false);
}

void GradingPanel::setProgress(const BatchProgress &progress)
{
    m_classBar->setRange(0, qMax(1, progress.total));
    m_classBar->setValue(progress.done);
    if (progress.runsTotal > 0) {
        m_runsBar->setRange(0, progress.runsTotal);
        m_runsBar->setValue(progress.runsDone);
    } else {
        m_runsBar->setRange(0, 1);
        m_runsBar->setValue(0);
    }
    if (m_cancelling) {
        return;
    }
    QStringList parts;
    if (m_pauseRequested) {
        parts.append(
            progress.paused && progress.running == 0
                ? tr("Paused")
                : tr("Pausing: waiting for %n running program(s)", nullptr, progress.running));
    }
    parts.append(tr("%n failing so far", nullptr, progress.failed));
    if (progress.reused > 0) {
        parts.append(tr("%n reused", nullptr, progress.reused));
    }
    if (progress.secondsLeft >= 0 && progress.done < progress.total) {
        parts.append(tr("about %1 left").arg(durationText(progress.secondsLeft)));
    }
    m_status->setText(parts.join(QStringLiteral(" · ")));
    m_current->setText(progress.current);
    m_current->setToolTip(progress.current);
}

} // namespace RaceGrade
