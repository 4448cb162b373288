#include "ui/widgets/emptystatewidget.h"

#include "ui/stateicons.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace PortRelay {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
{
    auto *icon = new QLabel(this);
    icon->setPixmap(StateIcons::appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("No forwarding rules yet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(tr("A rule listens on a local port, for example 127.0.0.1:15432, and forwards every "
                               "connection to one of its backends. PortRelay checks the backends' health, "
                               "spreads connections by weight and fails over when one goes down."),
                            this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    // A wrapped label placed with an alignment gets no height-for-width from the layout: size it here.
    text->setFixedWidth(520);
    text->setMinimumHeight(text->heightForWidth(520));

    auto *create = new QPushButton(tr("Create your first rule"), this);
    create->setObjectName(QStringLiteral("createFirstRuleButton"));
    create->setDefault(true);
    create->setMinimumHeight(create->sizeHint().height() * 5 / 4);
    connect(create, &QPushButton::clicked, this, &EmptyStateWidget::createRequested);

    auto *import = new QLabel(QStringLiteral("<a href=\"import\">%1</a>").arg(tr("Import rules from a file…")), this);
    import->setObjectName(QStringLiteral("importLink"));
    import->setAlignment(Qt::AlignCenter);
    import->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(import, &QLabel::linkActivated, this, &EmptyStateWidget::importRequested);

    auto *hint = new QLabel(tr("You can also drop a rules file (.json) onto this window."), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(title);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(create, 0, Qt::AlignHCenter);
    layout->addWidget(import);
    layout->addSpacing(4);
    layout->addWidget(hint);
    layout->addStretch(3);
}

} // namespace PortRelay
