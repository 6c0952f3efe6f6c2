#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QSpinBox;

namespace RaceGrade {

class Settings;

/// Preferences: runs per grading, time limit, C++ compiler, sandbox, editor theme, font and size.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    /// Writes the dialog's values into the settings.
    void apply();

private:
    Settings &m_settings;
    QSpinBox *m_runs;
    QSpinBox *m_timeLimit;
    QComboBox *m_compiler;
    QCheckBox *m_noSandbox;
    QComboBox *m_theme;
    QFontComboBox *m_font;
    QSpinBox *m_fontSize;
};

} // namespace RaceGrade
