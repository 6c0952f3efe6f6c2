#include "settingsdialog.h"

#include "editortheme.h"
#include "settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QSpinBox>

namespace RaceGrade {

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_runs(new QSpinBox(this))
    , m_timeLimit(new QSpinBox(this))
    , m_compiler(new QComboBox(this))
    , m_noSandbox(new QCheckBox(tr("Run code &without the sandbox (only code you trust)"), this))
    , m_theme(new QComboBox(this))
    , m_font(new QFontComboBox(this))
    , m_fontSize(new QSpinBox(this))
{
    setWindowTitle(tr("RaceGrade Settings"));

    m_runs->setRange(1, 500);
    m_runs->setValue(settings.runsPerGrading());
    m_runs->setAccessibleName(tr("Runs per grading"));
    m_runs->setToolTip(tr("How often a grading runs your program with the race detector. More "
                          "runs find rarer races but take longer."));

    m_timeLimit->setRange(0, 600);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setSpecialValueText(tr("exercise default"));
    m_timeLimit->setValue(settings.timeLimitSeconds());
    m_timeLimit->setAccessibleName(tr("Time limit per run"));

    m_compiler->addItem(tr("g++ (GCC)"), QStringLiteral("g++"));
    m_compiler->addItem(tr("clang++ (Clang)"), QStringLiteral("clang++"));
    m_compiler->setCurrentIndex(qMax(0, m_compiler->findData(settings.cppCompiler())));
    m_compiler->setAccessibleName(tr("C++ compiler"));

    m_noSandbox->setChecked(settings.sandboxDisabled());
    m_noSandbox->setToolTip(tr("RaceGrade builds and runs every program in a sandbox with no "
                               "network and nothing of your files visible. Turn it off only "
                               "where the sandbox cannot work and the code is your own."));

    m_theme->addItem(tr("Follow the system (light or dark)"), QString());
    for (const QString &name : EditorTheme::availableThemeNames()) {
        m_theme->addItem(name, name);
    }
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(settings.themeName())));
    m_theme->setAccessibleName(tr("Editor colour theme"));

    const QFont font = settings.editorFont();
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_font->setCurrentFont(font);
    m_font->setAccessibleName(tr("Editor font"));
    m_fontSize->setRange(6, 48);
    m_fontSize->setValue(font.pointSize() > 0 ? font.pointSize() : 10);
    m_fontSize->setAccessibleName(tr("Editor font size"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Runs per grading:"), m_runs);
    form->addRow(tr("&Time limit per run:"), m_timeLimit);
    form->addRow(tr("C++ &compiler:"), m_compiler);
    form->addRow(tr("Sandbox:"), m_noSandbox);
    form->addRow(tr("Editor t&heme:"), m_theme);
    form->addRow(tr("Editor &font:"), m_font);
    form->addRow(tr("Font &size:"), m_fontSize);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    m_settings.setRunsPerGrading(m_runs->value());
    m_settings.setTimeLimitSeconds(m_timeLimit->value());
    m_settings.setCppCompiler(m_compiler->currentData().toString());
    m_settings.setSandboxDisabled(m_noSandbox->isChecked());
    m_settings.setThemeName(m_theme->currentData().toString());
    QFont font = m_font->currentFont();
    font.setPointSize(m_fontSize->value());
    font.setStyleHint(QFont::Monospace);
    m_settings.setEditorFont(font);
    m_settings.sync();
}

} // namespace RaceGrade
