<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Endpoint</name>
    <message>
        <source>empty address: expected host:port, e.g. "127.0.0.1:8080"</source>
        <translation>地址为空：应为 host:port 形式，例如 "127.0.0.1:8080"</translation>
    </message>
    <message>
        <source>missing "]" after the IPv6 address in %1</source>
        <translation>%1 中的 IPv6 地址后缺少 "]"</translation>
    </message>
    <message>
        <source>missing port: expected [address]:port, e.g. "[::1]:8080"</source>
        <translation>缺少端口：应为 [address]:port 形式，例如 "[::1]:8080"</translation>
    </message>
    <message>
        <source>unexpected %1 after "]": expected ":port"</source>
        <translation>"]" 之后出现意外的 %1：应为 ":port"</translation>
    </message>
    <message>
        <source>missing port in %1: expected host:port, e.g. "127.0.0.1:8080"</source>
        <translation>%1 中缺少端口：应为 host:port 形式，例如 "127.0.0.1:8080"</translation>
    </message>
    <message>
        <source>an IPv6 address must be in brackets, e.g. "[::1]:8080"</source>
        <translation>IPv6 地址必须放在方括号中，例如 "[::1]:8080"</translation>
    </message>
    <message>
        <source>missing port: expected host:port, e.g. "127.0.0.1:8080"</source>
        <translation>缺少端口：应为 host:port 形式，例如 "127.0.0.1:8080"</translation>
    </message>
    <message>
        <source>missing host before ":%1"</source>
        <translation>":%1" 之前缺少主机</translation>
    </message>
    <message>
        <source>port %1 is not a number</source>
        <translation>端口 %1 不是数字</translation>
    </message>
    <message>
        <source>port 0 is not allowed: choose a port 1-65535</source>
        <translation>不允许使用端口 0：请选择 1-65535 之间的端口</translation>
    </message>
    <message>
        <source>port %1 out of range 1-65535</source>
        <translation>端口 %1 超出范围 1-65535</translation>
    </message>
    <message>
        <source>%1 is not an IPv6 address: brackets are only for IPv6 addresses</source>
        <translation>%1 不是 IPv6 地址：方括号只用于 IPv6 地址</translation>
    </message>
    <message>
        <source>invalid IPv4 address %1</source>
        <translation>无效的 IPv4 地址 %1</translation>
    </message>
    <message>
        <source>invalid host name %1: %2</source>
        <translation>无效的主机名 %1：%2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>empty label</source>
        <translation>含有空标签</translation>
    </message>
    <message>
        <source>a label is longer than %1 characters</source>
        <translation>有标签超过 %1 个字符</translation>
    </message>
    <message>
        <source>a label starts or ends with "-"</source>
        <translation>有标签以 "-" 开头或结尾</translation>
    </message>
    <message>
        <source>only letters, digits, "-" and "." are allowed</source>
        <translation>只允许使用字母、数字、"-" 和 "."</translation>
    </message>
</context>
<context>
    <name>PortRelay::Daemon</name>
    <message>
        <source>reload of %1 refused, still running the previous rules: %2</source>
        <translation>拒绝重新加载 %1，继续运行之前的规则：%2</translation>
    </message>
    <message numerus="yes">
        <source>reloaded %1: %n rule(s)</source>
        <translation>
            <numerusform>已重新加载 %1：%n 条规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>closing %n connection(s) still open after the grace period</source>
        <translation>
            <numerusform>宽限期已过，正在关闭仍未结束的 %n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rule(s)</source>
        <translation>
            <numerusform>%1：%n 条规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker thread(s)</source>
        <translation>
            <numerusform>%n 个工作线程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::Engine</name>
    <message>
        <source>settings changed; open connections finish on the old settings</source>
        <translation>设置已更改；已打开的连接将沿用旧设置直至结束</translation>
    </message>
    <message>
        <source>no rule named "%1"</source>
        <translation>没有名为 "%1" 的规则</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <source>listen host "%1" is not an address of this machine</source>
        <translation>监听主机 "%1" 不是本机的地址</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>无法监听 %1：%2</translation>
    </message>
    <message>
        <source>listening on %1, reachable from other machines</source>
        <translation>正在监听 %1，其他机器可以访问</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>no such rule</source>
        <translation>没有此规则</translation>
    </message>
</context>
<context>
    <name>PortRelay::HealthChecker</name>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>closed by the backend</source>
        <translation>被后端关闭</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>timeout after %1 ms</source>
        <translation>%1 毫秒后超时</translation>
    </message>
    <message>
        <source>fail window of %1 ms passed</source>
        <translation>已过 %1 毫秒的失败窗口</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>answered as expected</source>
        <translation>应答符合预期</translation>
    </message>
    <message>
        <source>expected "%1", got "%2"</source>
        <translation>应为 "%1"，实际为 "%2"</translation>
    </message>
    <message>
        <source>%1 (%2/%3 checks)</source>
        <translation>%1（%2/%3 次检查）</translation>
    </message>
    <message>
        <source>draining: no new connections</source>
        <translation>排空中：不接受新连接</translation>
    </message>
    <message>
        <source>drain ended</source>
        <translation>排空结束</translation>
    </message>
</context>
<context>
    <name>PortRelay::Worker</name>
    <message>
        <source>out of file descriptors: accepting paused for %1 ms</source>
        <translation>文件描述符已耗尽：暂停接受新连接 %1 毫秒</translation>
    </message>
    <message>
        <source>client %1 is not in the allow list</source>
        <translation>客户端 %1 不在允许列表中</translation>
    </message>
    <message>
        <source>max_connections (%1) reached</source>
        <translation>已达到 max_connections 上限（%1）</translation>
    </message>
    <message numerus="yes">
        <source>no backend reachable after %n attempt(s): %1</source>
        <translation>
            <numerusform>尝试 %n 次后仍无法连接任何后端：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>timeout after %1 ms</source>
        <translation>%1 毫秒后超时</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n similar event(s) in the last second)</source>
        <translation>
            <numerusform>%1（过去一秒内另有 %n 个类似事件）</numerusform>
        </translation>
    </message>
    <message>
        <source>no backend available</source>
        <translation>没有可用的后端</translation>
    </message>
    <message numerus="yes">
        <source>no backend reachable after %n attempt(s): timeout after %1 ms</source>
        <translation>
            <numerusform>尝试 %n 次后仍无法连接任何后端：%1 毫秒后超时</numerusform></translation>
    </message>
    <message>
        <source>%1 failed connects within %2 ms (last: %3)</source>
        <translation>%2 毫秒内连接失败 %1 次（最近一次：%3）</translation>
    </message>
</context>
<context>
    <name>RuleSetParser</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>boolean true</source>
        <translation>布尔值 true</translation>
    </message>
    <message>
        <source>boolean false</source>
        <translation>布尔值 false</translation>
    </message>
    <message>
        <source>number %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>string %1</source>
        <translation>字符串 %1</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空内容</translation>
    </message>
    <message>
        <source>missing required key "%1"</source>
        <translation>缺少必需的键 "%1"</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>unknown key (did you mean "%1"?)</source>
        <translation>未知的键（您是指 "%1" 吗？）</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected a boolean (true or false), got %1</source>
        <translation>应为布尔值（true 或 false），实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>应为数组，实际为 %1</translation>
    </message>
    <message>
        <source>"x-" keys are kept only at the top level, in rules and in backends</source>
        <translation>以 "x-" 开头的键只在顶层、规则和后端中保留</translation>
    </message>
    <message>
        <source>an empty list would refuse every client: omit the key to allow any client</source>
        <translation>空列表会拒绝所有客户端：若要允许任何客户端，请省略此键</translation>
    </message>
    <message>
        <source>unknown health check type %1 (supported: tcp, none)</source>
        <translation>未知的健康检查类型 %1（支持：tcp、none）</translation>
    </message>
    <message>
        <source>protocol "udp" is not supported yet (supported: tcp)</source>
        <translation>暂不支持协议 "udp"（支持：tcp）</translation>
    </message>
    <message>
        <source>unknown protocol %1 (supported: tcp)</source>
        <translation>未知的协议 %1（支持：tcp）</translation>
    </message>
    <message>
        <source>unknown balance strategy %1 (did you mean "%2"?)</source>
        <translation>未知的负载均衡策略 %1（您是指 "%2" 吗？）</translation>
    </message>
    <message>
        <source>unknown balance strategy %1 (supported: round_robin, least_connections, source_hash, random)</source>
        <translation>未知的负载均衡策略 %1（支持：round_robin、least_connections、source_hash、random）</translation>
    </message>
    <message>
        <source>not valid UTF-8 at line %1, column %2 (byte %3)</source>
        <translation>第 %1 行第 %2 列（字节 %3）处不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): %4</source>
        <translation>第 %1 行第 %2 列（字节 %3）处的 JSON 无效：%4</translation>
    </message>
    <message>
        <source>expected an object at the top level, got %1</source>
        <translation>顶层应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>%1 bytes is too large: a rules file may have at most %2 bytes (16 MiB)</source>
        <translation>%1 字节过大：规则文件最多只能有 %2 字节（16 MiB）</translation>
    </message>
    <message>
        <source>unsupported version %1 (this PortRelay reads version %2)</source>
        <translation>不支持的版本 %1（此版本的 PortRelay 读取版本 %2）</translation>
    </message>
    <message>
        <source>unsupported version %1 (versions start at 1)</source>
        <translation>不支持的版本 %1（版本号从 1 开始）</translation>
    </message>
    <message>
        <source>too many issues: stopped after the first %1</source>
        <translation>问题过多：只列出了前 %1 个</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>contains an unpaired surrogate (U+%1)</source>
        <translation>包含未配对的代理项（U+%1）</translation>
    </message>
    <message>
        <source>unknown on_down value %1 (supported: keep, close)</source>
        <translation>未知的 on_down 值 %1（支持：keep、close）</translation>
    </message>
</context>
<context>
    <name>RuleSetWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>RuleValidator</name>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>%1 characters long; at most %2 are allowed</source>
        <translation>长度为 %1 个字符；最多允许 %2 个</translation>
    </message>
    <message>
        <source>contains a control character (U+%1)</source>
        <translation>包含控制字符（U+%1）</translation>
    </message>
    <message>
        <source>own keys must start with "x-"</source>
        <translation>自定义键必须以 "x-" 开头</translation>
    </message>
    <message>
        <source>no host: use "127.0.0.1" for this machine only</source>
        <translation>缺少主机：如只允许本机访问，请使用 "127.0.0.1"</translation>
    </message>
    <message>
        <source>listen host must be an IP address, "localhost" or "*", got %1</source>
        <translation>监听主机必须是 IP 地址、"localhost" 或 "*"，实际为 %1</translation>
    </message>
    <message>
        <source>port 0 is not allowed: choose a port 1-65535</source>
        <translation>不允许使用端口 0：请选择 1-65535 之间的端口</translation>
    </message>
    <message>
        <source>no host: name the host to connect to</source>
        <translation>缺少主机：请指定要连接的主机</translation>
    </message>
    <message>
        <source>%1 is not an address to connect to: name the backend's host</source>
        <translation>%1 不是可连接的地址：请指定后端的主机</translation>
    </message>
    <message>
        <source>weight 0 is not allowed: set "enabled": false to take a backend out of use</source>
        <translation>不允许权重为 0：如要停用后端，请设置 "enabled": false</translation>
    </message>
    <message>
        <source>%1 is longer than interval_ms %2: a check must end before the next one starts</source>
        <translation>%1 大于 interval_ms（%2）：每次检查必须在下一次开始前结束</translation>
    </message>
    <message>
        <source>invalid subnet %1</source>
        <translation>无效的子网 %1</translation>
    </message>
    <message>
        <source>%1 out of range %2-%3</source>
        <translation>%1 超出范围 %2-%3</translation>
    </message>
    <message>
        <source>%1 backends; at most %2 are allowed</source>
        <translation>共 %1 个后端；最多允许 %2 个</translation>
    </message>
    <message>
        <source>%1 entries; at most %2 are allowed</source>
        <translation>共 %1 个条目；最多允许 %2 个</translation>
    </message>
    <message>
        <source>a rule needs at least one backend</source>
        <translation>每条规则至少需要一个后端</translation>
    </message>
    <message>
        <source>unsupported version %1 (this PortRelay reads version %2)</source>
        <translation>不支持的版本 %1（此版本的 PortRelay 读取版本 %2）</translation>
    </message>
    <message>
        <source>duplicate name %1 (also rules[%2])</source>
        <translation>名称 %1 重复（rules[%2] 也使用了该名称）</translation>
    </message>
    <message>
        <source>%1 conflicts with rules[%2] (%3), which listens on %4</source>
        <translation>%1 与 rules[%2]（%3）冲突，后者监听 %4</translation>
    </message>
    <message>
        <source>needs "type": "tcp"</source>
        <translation>需要 "type": "tcp"</translation>
    </message>
    <message>
        <source>%1 bytes long in UTF-8; at most %2 are allowed</source>
        <translation>UTF-8 编码长 %1 字节；最多允许 %2 字节</translation>
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation>不是有效的 UTF-8</translation>
    </message>
</context>
<context>
    <name>Sockets</name>
    <message>
        <source>address already in use</source>
        <translation>地址已被占用</translation>
    </message>
    <message>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation>权限不足（1024 以下的端口需要特权）</translation>
    </message>
    <message>
        <source>address not available on this machine</source>
        <translation>本机上没有此地址</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>connection reset by peer</source>
        <translation>连接被对端重置</translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation>主机不可达</translation>
    </message>
    <message>
        <source>out of file descriptors</source>
        <translation>文件描述符已耗尽</translation>
    </message>
</context>
<context>
    <name>Subnet</name>
    <message>
        <source>invalid subnet %1: expected address/prefix, e.g. "192.168.0.0/16" or "::1/128"</source>
        <translation>无效的子网 %1：应为 地址/前缀长度 形式，例如 "192.168.0.0/16" 或 "::1/128"</translation>
    </message>
    <message>
        <source>prefix length %1 out of range 0-%2 in %3</source>
        <translation>%3 中的前缀长度 %1 超出范围 0-%2</translation>
    </message>
    <message>
        <source>host bits set in %1 (did you mean %2/%3?)</source>
        <translation>%1 中设置了主机位（您是指 %2/%3 吗？）</translation>
    </message>
</context>
<context>
    <name>portrelayd</name>
    <message numerus="yes">
        <source>%1: OK, %n rule(s)</source>
        <translation>
            <numerusform>%1：检查通过，共 %n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs a PortRelay rule set without a window.</source>
        <translation>以无窗口方式运行 PortRelay 规则集。</translation>
    </message>
    <message>
        <source>Run the rules in &lt;file&gt;.</source>
        <translation>运行 &lt;file&gt; 中的规则。</translation>
    </message>
    <message>
        <source>Validate &lt;file&gt;, print every error, and exit.</source>
        <translation>校验 &lt;file&gt;，输出所有错误后退出。</translation>
    </message>
    <message>
        <source>Log as &lt;format&gt;: text or json.</source>
        <translation>以 &lt;format&gt; 格式记录日志：text 或 json。</translation>
    </message>
    <message>
        <source>Use &lt;n&gt; worker threads (default: one per usable CPU).</source>
        <translation>使用 &lt;n&gt; 个工作线程（默认：每个可用 CPU 一个）。</translation>
    </message>
    <message>
        <source>Move bytes by &lt;mode&gt;: auto, copy or splice (default auto).</source>
        <translation>以 &lt;mode&gt; 方式传输数据：auto、copy 或 splice（默认 auto）。</translation>
    </message>
    <message>
        <source>On SIGTERM, let open connections finish for &lt;ms&gt; (default 5000).</source>
        <translation>收到 SIGTERM 后，给已打开的连接 &lt;ms&gt; 毫秒时间结束（默认 5000）。</translation>
    </message>
    <message>
        <source>--config &lt;file&gt; is required (see --help)</source>
        <translation>必须指定 --config &lt;file&gt;（参见 --help）</translation>
    </message>
    <message>
        <source>--log-format: "%1" is not text or json</source>
        <translation>--log-format："%1" 既不是 text 也不是 json</translation>
    </message>
    <message>
        <source>--workers: "%1" is not a number from 0 to 256</source>
        <translation>--workers："%1" 不是 0 到 256 之间的数字</translation>
    </message>
    <message>
        <source>--relay: "%1" is not auto, copy or splice</source>
        <translation>--relay："%1" 不是 auto、copy 或 splice</translation>
    </message>
    <message>
        <source>--grace-ms: "%1" is not a number of milliseconds</source>
        <translation>--grace-ms："%1" 不是有效的毫秒数</translation>
    </message>
</context>
</TS>
