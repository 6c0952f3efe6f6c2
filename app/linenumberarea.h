#pragma once

#include <QWidget>

namespace RaceGrade {

class CodeEditor;

/// The gutter at the left of a CodeEditor: line numbers and a coloured marker on marked lines.
/// It draws nothing itself; the editor owns the layout and the painting.
class LineNumberArea : public QWidget
{
    Q_OBJECT

public:
    /// Creates the gutter as a child of @p editor.
    explicit LineNumberArea(CodeEditor *editor);

    /// The width the editor asks for; the height follows the editor.
    QSize sizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    CodeEditor *m_editor;
};

} // namespace RaceGrade
