#include "classresultsview.h"

#include "classfilterproxy.h"
#include "classtablemodel.h"
#include "submissionview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace RaceGrade {

ClassResultsView::ClassResultsView(ClassTableModel *model, ClassFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    QWidget *page = this;
    m_filterBox = new QComboBox(page);
    m_filterBox->addItem(tr("All students"), int(ClassFilterProxy::Filter::All));
    m_filterBox->addItem(tr("Failing only"), int(ClassFilterProxy::Filter::Failing));
    m_filterBox->addItem(tr("Racy only"), int(ClassFilterProxy::Filter::Racy));
    m_filterBox->addItem(tr("Not submitted"), int(ClassFilterProxy::Filter::NotSubmitted));
    m_filterBox->addItem(tr("Identical files"), int(ClassFilterProxy::Filter::Identical));
    m_filterBox->setAccessibleName(tr("Show"));
    auto *filterLabel = new QLabel(tr("&Show:"), page);
    filterLabel->setBuddy(m_filterBox);
    m_search = new QLineEdit(page);
    m_search->setPlaceholderText(tr("Find a student by name, ID or e-mail (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find a student"));
    m_countLabel = new QLabel(page);
    m_countLabel->setAccessibleName(tr("Students shown"));
    connect(m_filterBox, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        m_proxy->setFilter(ClassFilterProxy::Filter(m_filterBox->currentData().toInt()));
    });
    connect(m_search, &QLineEdit::textChanged, m_proxy, &ClassFilterProxy::setSearchText);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ClassResultsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ClassResultsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ClassResultsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ClassResultsView::updateCount);

    m_table = new QTableView(page);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClassTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Class results"));
    connect(m_table, &QWidget::customContextMenuRequested, this,
            &ClassResultsView::cellMenuRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ClassResultsView::currentCellChanged);

    m_submissionView = new SubmissionView(page);

    auto *filters = new QHBoxLayout;
    filters->addWidget(filterLabel);
    filters->addWidget(m_filterBox);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_countLabel);

    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(left);
    splitter->addWidget(m_submissionView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    updateCount();
}

ClassResultsView::~ClassResultsView() = default;

void ClassResultsView::updateCount()
{
    m_countLabel->setText(
        tr("%1 of %n student(s)", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}

} // namespace RaceGrade
