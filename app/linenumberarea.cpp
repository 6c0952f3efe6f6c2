#include "linenumberarea.h"

#include "codeeditor.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

namespace RaceGrade {

LineNumberArea::LineNumberArea(CodeEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{
    setAccessibleName(tr("Line numbers"));
    setCursor(Qt::ArrowCursor);
}

QSize LineNumberArea::sizeHint() const
{
    return QSize(m_editor->lineNumberAreaWidth(), 0);
}

bool LineNumberArea::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = m_editor->lineAtGutterY(help->pos().y());
        const QString tip = line > 0 ? m_editor->toolTipForLine(line) : QString();
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), CodeEditor::toolTipHtml(tip), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_editor->paintLineNumberArea(event);
}

void LineNumberArea::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const int line = m_editor->lineAtGutterY(event->pos().y());
        if (line > 0) {
            m_editor->moveCursorToLineStart(line);
        }
        m_editor->setFocus(Qt::MouseFocusReason);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

} // namespace RaceGrade
