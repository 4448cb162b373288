#pragma once

#include "core/secrets/secretstore.h"

#include <QTest>

#include <optional>

namespace PortRelay::Test {

// Runs one SecretStore call and waits for its answer: call(context, done) starts it. Empty when
// no answer came within limitMs, or when it came inside the call (the stores promise it never
// does).
template<typename Call>
std::optional<SecretStore::Result> answerOf(Call call, int limitMs = 10000)
{
    QObject context;
    std::optional<SecretStore::Result> answer;
    bool returned = false;
    bool answeredInside = false;
    call(&context, [&](const SecretStore::Result &result) {
        answeredInside = !returned;
        answer = result;
    });
    returned = true;
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, limitMs))
        return std::nullopt;
    if (answeredInside) {
        qWarning("the store answered inside the call");
        return std::nullopt;
    }
    return answer;
}

} // namespace PortRelay::Test
