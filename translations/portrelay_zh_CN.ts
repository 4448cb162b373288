<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <source>Start the PortRelay port forwarder</source>
        <translation>启动 PortRelay 端口转发器</translation>
    </message>
</context>
<context>
    <name>BalanceStrategyText</name>
    <message>
        <source>Round robin</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation>最少连接</translation>
    </message>
    <message>
        <source>Source hash (sticky clients)</source>
        <translation>源地址哈希（客户端粘滞）</translation>
    </message>
    <message>
        <source>Power of two random choices</source>
        <translation>二选一随机（Power of two）</translation>
    </message>
    <message>
        <source>Takes the backends in turn, in proportion to their weights.</source>
        <translation>按权重比例依次使用各个后端。</translation>
    </message>
    <message>
        <source>Picks the backend with the fewest open connections for its weight.</source>
        <translation>选择相对其权重打开连接最少的后端。</translation>
    </message>
    <message>
        <source>Keeps sending each client address to the same backend; when a backend leaves, only its own clients move.</source>
        <translation>始终把同一客户端地址发往同一后端；某个后端离开时，只有它自己的客户端会迁移。</translation>
    </message>
    <message>
        <source>Draws two backends at random by weight and takes the less loaded one.</source>
        <translation>按权重随机抽取两个后端，选用负载较低的那个。</translation>
    </message>
</context>
<context>
    <name>CheckDataText</name>
    <message>
        <source>a lone &quot;\&quot; at the end: write \\ for a backslash</source>
        <translation>末尾有单独的“\”：反斜杠请写作 \\</translation>
    </message>
    <message>
        <source>\x needs two hex digits, e.g. \x1b</source>
        <translation>\x 后需要两位十六进制数字，例如 \x1b</translation>
    </message>
    <message>
        <source>\x%1 is not a character on its own: only \x00-\x7f; type other characters as they are</source>
        <translation>\x%1 本身不是一个字符：只允许 \x00-\x7f；其他字符请直接输入</translation>
    </message>
    <message>
        <source>unknown escape &quot;\%1&quot;: use \r, \n, \t, \0, \xHH or \\</source>
        <translation>未知的转义“\%1”：请使用 \r、\n、\t、\0、\xHH 或 \\</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>Quit PortRelay?</source>
        <translation>退出 PortRelay？</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) are forwarding. Quitting stops them and closes their connections.</source>
        <translation>
            <numerusform>%n 条规则正在转发。退出会停止这些规则并关闭其连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>Keep running?</source>
        <translation>继续运行？</translation>
    </message>
    <message>
        <source>Keep your rules running in the system tray when the window is closed?</source>
        <translation>关闭窗口后，是否让规则在系统托盘中继续运行？</translation>
    </message>
    <message>
        <source>Keep Running in Tray</source>
        <translation>在托盘中继续运行</translation>
    </message>
    <message>
        <source>Quit PortRelay</source>
        <translation>退出 PortRelay</translation>
    </message>
</context>
<context>
    <name>FieldIssueDisplay</name>
    <message>
        <source>Backend %1: %2</source>
        <translation>后端 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项变化</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save this rule yet:</source>
        <translation>暂时无法保存此规则：</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>To create the rule, enter %1.</source>
        <translation>要创建规则，请输入%1。</translation>
    </message>
</context>
<context>
    <name>HostResolver</name>
    <message>
        <source>Name or service not known</source>
        <translation>未知的名称或服务</translation>
    </message>
    <message>
        <source>No address associated with hostname</source>
        <translation>该主机名没有关联的地址</translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation>名称解析暂时失败</translation>
    </message>
    <message>
        <source>Non-recoverable failure in name resolution</source>
        <translation>名称解析出现不可恢复的错误</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>HumanFormat</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>ListenPortCheck</name>
    <message>
        <source>in use by another program</source>
        <translation>已被其他程序占用</translation>
    </message>
    <message>
        <source>%1 is not an address of this computer</source>
        <translation>%1 不是本机的地址</translation>
    </message>
    <message>
        <source>this port needs administrator rights</source>
        <translation>此端口需要管理员权限</translation>
    </message>
    <message>
        <source>Port %1 is used by the rule &quot;%2&quot;.</source>
        <translation>端口 %1 已被规则“%2”使用。</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2.</source>
        <translation>无法在 %1 上监听：%2。</translation>
    </message>
</context>
<context>
    <name>NotificationThrottle</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项变化</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NumberFields</name>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
</context>
<context>
    <name>PortRelay::AdvancedPage</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <source>Keep connections</source>
        <translation>保留连接</translation>
    </message>
    <message>
        <source>Close connections</source>
        <translation>关闭连接</translation>
    </message>
    <message>
        <source>What happens to open connections when their backend goes down.</source>
        <translation>后端宕机时如何处理其已打开的连接。</translation>
    </message>
    <message>
        <source>O&amp;n down:</source>
        <translation>宕机时(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Adaptive weights</source>
        <translation>自适应权重(&amp;A)</translation>
    </message>
    <message>
        <source>Scale each backend&apos;s weight by its recent connect times and failures.</source>
        <translation>根据每个后端最近的连接耗时和失败情况调整其权重。</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Any client may connect. One subnet per line, e.g.
127.0.0.0/8
192.168.1.0/24</source>
        <translation>任何客户端都可以连接。每行一个子网，例如
127.0.0.0/8
192.168.1.0/24</translation>
    </message>
    <message>
        <source>Only clients from these subnets may connect.</source>
        <translation>只有来自这些子网的客户端可以连接。</translation>
    </message>
    <message>
        <source>Allowed clien&amp;ts:</source>
        <translation>允许的客户端(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendListEditor</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Where connections go. Type host:port; F2 edits the selected cell, Space toggles a check box.</source>
        <translation>连接的去向。请输入 主机:端口；F2 编辑所选单元格，空格键切换复选框。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Test Backends</source>
        <translation>测试后端(&amp;T)</translation>
    </message>
    <message>
        <source>Run the rule&apos;s health check once against each backend now, as the engine will (what to send and expect included), and show how it went.</source>
        <translation>现在对每个后端运行一次本规则的健康检查（包括要发送和期望的内容），与引擎的检查方式相同，并显示结果。</translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation>无效地址</translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendResolution</name>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendStatusModel</name>
    <message>
        <source>backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主用</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>The rule is not running</source>
        <translation>该规则未在运行</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>上次失败</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>%1 of the rule&apos;s %2 connections</source>
        <translation>占规则 %2 个连接中的 %1 个</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 字节</translation>
    </message>
    <message>
        <source>How long the backend has been in its current state</source>
        <translation>后端处于当前状态的时长</translation>
    </message>
    <message>
        <source>Connections open now</source>
        <translation>当前打开的连接数</translation>
    </message>
    <message>
        <source>Connections relayed to this backend since the rule started</source>
        <translation>规则启动以来转发到此后端的连接数</translation>
    </message>
    <message>
        <source>This backend&apos;s part of the rule&apos;s relayed connections; compare with the weights</source>
        <translation>此后端在规则所转发连接中的占比；可与权重对照</translation>
    </message>
    <message>
        <source>Connect attempts to this backend that failed since the rule started</source>
        <translation>规则启动以来连接此后端失败的次数</translation>
    </message>
    <message>
        <source>Bytes from clients sent on to this backend</source>
        <translation>从客户端转发到此后端的字节数</translation>
    </message>
    <message>
        <source>Bytes from this backend sent on to clients</source>
        <translation>从此后端转发到客户端的字节数</translation>
    </message>
    <message>
        <source>For</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>当前连接</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendTableModel</name>
    <message>
        <source>A backup receives connections only while no primary backend is available</source>
        <translation>仅当没有可用的主用后端时，备用后端才接收连接</translation>
    </message>
    <message>
        <source>A disabled backend stays in the rule but receives no connections</source>
        <translation>已禁用的后端仍保留在规则中，但不接收连接</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>host:port to connect to, e.g. 127.0.0.1:8080, [::1]:8080 or db.local:5432</source>
        <translation>要连接的 主机:端口，例如 127.0.0.1:8080、[::1]:8080 或 db.local:5432</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直连</translation>
    </message>
    <message>
        <source>%1 (rule)</source>
        <translation>%1（规则）</translation>
    </message>
    <message>
        <source>The hop this backend is reached through; its address is resolved on the far side</source>
        <translation>到达此后端所经由的跳板；其地址在远端解析</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>经由</translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendTest</name>
    <message>
        <source>reached through hop &quot;%1&quot;: checked through it while the rule runs (Hops tab)</source>
        <translation>经由跳板“%1”到达：规则运行时经由该跳板检查（见“跳板”标签页）</translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendsPane</name>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Send no new connections to this backend; open ones finish</source>
        <translation>不再向此后端发送新连接；已有连接继续直至结束</translation>
    </message>
    <message>
        <source>Undrain</source>
        <translation>取消排空</translation>
    </message>
    <message>
        <source>Let this backend take new connections again</source>
        <translation>让此后端重新接收新连接</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Take this backend out of the rule (saved)</source>
        <translation>将此后端移出规则（会保存）</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Put this backend back into the rule (saved)</source>
        <translation>将此后端重新加入规则（会保存）</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <source>Run this backend&apos;s health check now</source>
        <translation>立即对此后端执行健康检查</translation>
    </message>
</context>
<context>
    <name>PortRelay::ConnectionTableModel</name>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Bytes from the client</source>
        <translation>来自客户端的字节数</translation>
    </message>
    <message>
        <source>Bytes to the client</source>
        <translation>发往客户端的字节数</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>PortRelay::ConnectionsPane</name>
    <message>
        <source>Close connection</source>
        <translation>关闭连接</translation>
    </message>
    <message>
        <source>Reset the selected connections</source>
        <translation>重置所选连接</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n 个打开的连接</numerusform>
        </translation>
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
        <source>%n worker thread(s)</source>
        <translation>
            <numerusform>%n 个工作线程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rule(s), %2</source>
        <translation>
            <numerusform>%1：%n 条规则，%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::DetailTabs</name>
    <message>
        <source>&amp;Backends</source>
        <translation>后端(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation>流量(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connections</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>事件(&amp;V)</translation>
    </message>
    <message>
        <source>Reachable from other machines on the network. Listen on 127.0.0.1 to keep the rule on this computer.</source>
        <translation>网络中的其他机器可以访问。监听 127.0.0.1 可让此规则只在本机使用。</translation>
    </message>
    <message>
        <source>No rule selected</source>
        <translation>未选择规则</translation>
    </message>
    <message>
        <source>%1 — exposed on %2</source>
        <translation>%1 — 已暴露在 %2</translation>
    </message>
    <message>
        <source>H&amp;ops</source>
        <translation>跳板(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PortRelay::EmptyStateWidget</name>
    <message>
        <source>No forwarding rules yet</source>
        <translation>还没有转发规则</translation>
    </message>
    <message>
        <source>A rule listens on a local port, for example 127.0.0.1:15432, and forwards every connection to one of its backends. PortRelay checks the backends&apos; health, spreads connections by weight and fails over when one goes down.</source>
        <translation>规则在本地端口（例如 127.0.0.1:15432）上监听，并把每个连接转发给它的某个后端。PortRelay 会检查后端的健康状况，按权重分配连接，并在某个后端宕机时自动故障转移。</translation>
    </message>
    <message>
        <source>Create your first rule</source>
        <translation>创建第一条规则</translation>
    </message>
    <message>
        <source>Import rules from a file…</source>
        <translation>从文件导入规则…</translation>
    </message>
    <message>
        <source>You can also drop a rules file (.json) onto this window.</source>
        <translation>也可以把规则文件（.json）拖放到此窗口。</translation>
    </message>
</context>
<context>
    <name>PortRelay::Endpoint</name>
    <message>
        <source>empty address: expected host:port, e.g. &quot;127.0.0.1:8080&quot;</source>
        <translation>地址为空：应为 host:port 形式，例如 &quot;127.0.0.1:8080&quot;</translation>
    </message>
    <message>
        <source>missing &quot;]&quot; after the IPv6 address in %1</source>
        <translation>%1 中的 IPv6 地址后缺少 &quot;]&quot;</translation>
    </message>
    <message>
        <source>missing port: expected [address]:port, e.g. &quot;[::1]:8080&quot;</source>
        <translation>缺少端口：应为 [address]:port 形式，例如 &quot;[::1]:8080&quot;</translation>
    </message>
    <message>
        <source>unexpected %1 after &quot;]&quot;: expected &quot;:port&quot;</source>
        <translation>&quot;]&quot; 之后出现意外的 %1：应为 &quot;:port&quot;</translation>
    </message>
    <message>
        <source>missing port in %1: expected host:port, e.g. &quot;127.0.0.1:8080&quot;</source>
        <translation>%1 中缺少端口：应为 host:port 形式，例如 &quot;127.0.0.1:8080&quot;</translation>
    </message>
    <message>
        <source>an IPv6 address must be in brackets, e.g. &quot;[::1]:8080&quot;</source>
        <translation>IPv6 地址必须放在方括号中，例如 &quot;[::1]:8080&quot;</translation>
    </message>
    <message>
        <source>missing port: expected host:port, e.g. &quot;127.0.0.1:8080&quot;</source>
        <translation>缺少端口：应为 host:port 形式，例如 &quot;127.0.0.1:8080&quot;</translation>
    </message>
    <message>
        <source>missing host before &quot;:%1&quot;</source>
        <translation>&quot;:%1&quot; 之前缺少主机</translation>
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
        <source>no port: choose a port 1-65535</source>
        <translation>缺少端口：请选择 1-65535 之间的端口</translation>
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
        <source>invalid host name %1: %2</source>
        <translation>无效的主机名 %1：%2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>为空</translation>
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
        <source>a label starts or ends with &quot;-&quot;</source>
        <translation>有标签以 &quot;-&quot; 开头或结尾</translation>
    </message>
    <message>
        <source>only letters, digits, &quot;-&quot; and &quot;.&quot; are allowed</source>
        <translation>只允许使用字母、数字、&quot;-&quot; 和 &quot;.&quot;</translation>
    </message>
</context>
<context>
    <name>PortRelay::Engine</name>
    <message>
        <source>settings changed; open connections finish on the old settings</source>
        <translation>设置已更改；已打开的连接将沿用旧设置直至结束</translation>
    </message>
    <message>
        <source>no rule named &quot;%1&quot;</source>
        <translation>没有名为 &quot;%1&quot; 的规则</translation>
    </message>
    <message>
        <source>listen host &quot;%1&quot; is not an address of this machine</source>
        <translation>监听主机 &quot;%1&quot; 不是本机的地址</translation>
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
    <message>
        <source>%1; trying again until it is free</source>
        <translation>%1；将持续重试，直到端口空闲</translation>
    </message>
    <message numerus="yes">
        <source>%n more event(s) of this kind in the last second, not logged one by one</source>
        <translation>
            <numerusform>过去一秒内另有 %n 个同类事件，未逐条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>the rule set has no hop named &quot;%1&quot;</source>
        <translation>规则集中没有名为“%1”的跳板</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is down: %2</source>
        <translation>跳板“%1”故障：%2</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is up</source>
        <translation>跳板“%1”已恢复正常</translation>
    </message>
</context>
<context>
    <name>PortRelay::EventLogModel</name>
    <message>
        <source>Rule started</source>
        <translation>规则已启动</translation>
    </message>
    <message>
        <source>Rule stopped</source>
        <translation>规则已停止</translation>
    </message>
    <message>
        <source>Rule failed</source>
        <translation>规则失败</translation>
    </message>
    <message>
        <source>Rule changed</source>
        <translation>规则已更改</translation>
    </message>
    <message>
        <source>Backend state</source>
        <translation>后端状态</translation>
    </message>
    <message>
        <source>Connect failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>Client refused</source>
        <translation>客户端被拒绝</translation>
    </message>
    <message>
        <source>Accept paused</source>
        <translation>暂停接受连接</translation>
    </message>
    <message>
        <source>Rules loaded</source>
        <translation>规则已加载</translation>
    </message>
    <message>
        <source>Rules rejected</source>
        <translation>规则被拒绝</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Rule waiting</source>
        <translation>规则等待中</translation>
    </message>
    <message>
        <source>Hop state</source>
        <translation>跳板状态</translation>
    </message>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>down</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>hop %1: %2</source>
        <translation>跳板 %1：%2</translation>
    </message>
</context>
<context>
    <name>PortRelay::EventLogPane</name>
    <message>
        <source>All rules</source>
        <translation>所有规则</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected events as text</source>
        <translation>将所选事件复制为文本</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>规则(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>级别(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>PortRelay::HealthCheckPage</name>
    <message>
        <source>Each backend is checked on a timer. After “fall” failed checks in a row it receives no new connections, until “rise” checks in a row pass again.</source>
        <translation>每个后端都会定时检查。连续“失败次数”次检查失败后，它不再接收新连接，直到再连续“恢复次数”次检查通过。</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP 连接</translation>
    </message>
    <message>
        <source>Connect to each backend, optionally send and expect some text.</source>
        <translation>连接每个后端，并可选择发送和期待一段文本。</translation>
    </message>
    <message>
        <source>None (passive checks only)</source>
        <translation>无（仅被动检查）</translation>
    </message>
    <message>
        <source>No probes: only failed connections from real traffic take a backend out.</source>
        <translation>不探测：只有真实流量中的连接失败才会使后端下线。</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Escapes: \r \n \t \0 \xHH, and \\ for a backslash.</source>
        <translation>转义：\r \n \t \0 \xHH，反斜杠写作 \\。</translation>
    </message>
    <message>
        <source>Nothing; e.g. PING\r\n</source>
        <translation>不发送；例如 PING\r\n</translation>
    </message>
    <message>
        <source>Written to the backend once connected.</source>
        <translation>连接后写入后端。</translation>
    </message>
    <message>
        <source>&amp;Send:</source>
        <translation>发送(&amp;S)：</translation>
    </message>
    <message>
        <source>Nothing: connecting is enough; e.g. +PONG</source>
        <translation>不期待：能连接即可；例如 +PONG</translation>
    </message>
    <message>
        <source>Must arrive within the timeout, anywhere in the first 64 KiB of the reply.</source>
        <translation>必须在超时之前到达，位于回复的前 64 KiB 中任意位置。</translation>
    </message>
    <message>
        <source>E&amp;xpect:</source>
        <translation>期待(&amp;X)：</translation>
    </message>
</context>
<context>
    <name>PortRelay::HealthChecker</name>
    <message>
        <source>closed by the backend</source>
        <translation>被后端关闭</translation>
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
        <source>expected &quot;%1&quot;, got &quot;%2&quot;</source>
        <translation>应为 &quot;%1&quot;，实际为 &quot;%2&quot;</translation>
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
    <message>
        <source>connected and sent</source>
        <translation>已连接并已发送</translation>
    </message>
    <message>
        <source>resolves again</source>
        <translation>重新解析成功</translation>
    </message>
</context>
<context>
    <name>PortRelay::HopTableModel</name>
    <message>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>跳板</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PortRelay::HopValidator</name>
    <message>
        <source>unknown hop %1 (there are no hops)</source>
        <translation>未知跳板 %1（没有任何跳板）</translation>
    </message>
    <message>
        <source>unknown hop %1 (did you mean %2?)</source>
        <translation>未知跳板 %1（是否指 %2？）</translation>
    </message>
    <message>
        <source>unknown hop %1 (hops: %2)</source>
        <translation>未知跳板 %1（现有跳板：%2）</translation>
    </message>
    <message>
        <source>an ssh hop needs &quot;address&quot; or &quot;ssh_config_host&quot;</source>
        <translation>ssh 跳板需要 &quot;address&quot; 或 &quot;ssh_config_host&quot;</translation>
    </message>
    <message>
        <source>not with &quot;address&quot;: an ssh hop takes one of the two</source>
        <translation>不能与 &quot;address&quot; 同时使用：ssh 跳板只取其一</translation>
    </message>
    <message>
        <source>%1 is not an address to connect to: name the hop&apos;s host</source>
        <translation>%1 不是可连接的地址：请填写跳板的主机</translation>
    </message>
    <message>
        <source>must not start with &quot;-&quot;: ssh would read it as an option</source>
        <translation>不能以 &quot;-&quot; 开头：ssh 会把它当作选项</translation>
    </message>
    <message>
        <source>duplicate hop name %1 (also hops[%2])</source>
        <translation>跳板名称 %1 重复（hops[%2] 也使用了它）</translation>
    </message>
    <message>
        <source>a hop cannot be reached through itself</source>
        <translation>跳板不能经由自身到达</translation>
    </message>
    <message>
        <source>hop chain %1 is a cycle</source>
        <translation>跳板链 %1 构成了循环</translation>
    </message>
    <message>
        <source>the chain to this hop is %1 hops long; at most %2 are allowed</source>
        <translation>到达此跳板的链长为 %1 个跳板；最多允许 %2 个</translation>
    </message>
    <message>
        <source>%1 hops; at most %2 are allowed</source>
        <translation>%1 个跳板；最多允许 %2 个</translation>
    </message>
</context>
<context>
    <name>PortRelay::ImportDialog</name>
    <message>
        <source>Import Rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <source>&amp;Merge: add the new rules, keep the current ones</source>
        <translation>合并(&amp;M)：添加新规则，保留现有规则</translation>
    </message>
    <message>
        <source>&amp;Replace: the imported rules become the only rules</source>
        <translation>替换(&amp;R)：只保留导入的规则</translation>
    </message>
    <message>
        <source>When a name is &amp;taken:</source>
        <translation>名称已被占用时(&amp;T)：</translation>
    </message>
    <message>
        <source>Rules in the &amp;file:</source>
        <translation>文件中的规则(&amp;F)：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose how to bring in the imported rules.</source>
        <translation>请选择导入规则的方式。</translation>
    </message>
    <message>
        <source>Choose how to bring in the rules of “%1”.</source>
        <translation>请选择导入“%1”中规则的方式。</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n 条新增</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n 条替换</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renamed</source>
        <translation>
            <numerusform>%n 条重命名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 条跳过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n 条未变</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>Removes the current rules not in the file: %1.</source>
        <translation>将删除文件中没有的现有规则：%1。</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>以及另外 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import until this is resolved:</source>
        <translation>解决以下问题之前无法导入：</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>…… 以及另外 %n 个（见详细信息）</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>导入失败</translation>
    </message>
    <message numerus="yes">
        <source>Cannot import “%1”: %n problem(s) in the file. Nothing was changed.</source>
        <translation>
            <numerusform>无法导入“%1”：文件中有 %n 个问题。未做任何更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n Valid Rule(s)</source>
        <translation>
            <numerusform>导入 %n 条有效规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>第 %1 条规则</translation>
    </message>
    <message>
        <source>“%1” (rule %2)</source>
        <translation>“%1”（第 %2 条规则）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Not imported, %n rule(s) with problems:</source>
        <translation>
            <numerusform>未导入 %n 条有问题的规则：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rule(s)</source>
        <translation>
            <numerusform>已导入 %n 条规则</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, skipped %n</source>
        <translation>
            <numerusform>%1，跳过 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::ImportPreviewModel</name>
    <message>
        <source>Replace the current rule</source>
        <translation>替换现有规则</translation>
    </message>
    <message>
        <source>Keep both, rename the imported one</source>
        <translation>两者都保留，重命名导入的规则</translation>
    </message>
    <message>
        <source>Keep the current rule</source>
        <translation>保留现有规则</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>replaces existing</source>
        <translation>替换现有规则</translation>
    </message>
    <message>
        <source>name clash: added as “%1”</source>
        <translation>名称冲突：以“%1”添加</translation>
    </message>
    <message>
        <source>name clash: skipped</source>
        <translation>名称冲突：已跳过</translation>
    </message>
    <message>
        <source>“%1” in the file</source>
        <translation>文件中的“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1（以及另外 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On name clash</source>
        <translation>名称冲突时</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>PortRelay::ListenPortNotice</name>
    <message>
        <source>The nearest free port is %1.</source>
        <translation>最近的空闲端口是 %1。</translation>
    </message>
    <message>
        <source>No free port found near %1.</source>
        <translation>%1 附近没有空闲端口。</translation>
    </message>
    <message>
        <source>This rule is waiting: %1. It tries again on its own.</source>
        <translation>此规则正在等待：%1。它会自动重试。</translation>
    </message>
    <message>
        <source>This rule could not start: %1.</source>
        <translation>此规则无法启动：%1。</translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation>端口 %1 空闲。</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>使用端口 %1</translation>
    </message>
</context>
<context>
    <name>PortRelay::MainWindow</name>
    <message>
        <source>PortRelay</source>
        <translation>PortRelay</translation>
    </message>
    <message>
        <source>Could not save the rules to %1: %2</source>
        <translation>无法将规则保存到 %1：%2</translation>
    </message>
    <message>
        <source>Rules not loaded</source>
        <translation>规则未加载</translation>
    </message>
    <message>
        <source>The saved rules could not be read, so PortRelay started without them. The file was kept as %1.</source>
        <translation>无法读取已保存的规则，因此 PortRelay 在没有规则的情况下启动。该文件已保留为 %1。</translation>
    </message>
    <message>
        <source>Filter rules (Ctrl+F)</source>
        <translation>筛选规则（Ctrl+F）</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n rule(s). Undo (%1) brings them back.</source>
        <translation>
            <numerusform>已删除 %n 条规则。撤销（%1）可恢复。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>About PortRelay</source>
        <translation>关于 PortRelay</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PortRelay %1&lt;/h3&gt;&lt;p&gt;A port-forwarding manager with a load-balancing engine.&lt;/p&gt;&lt;p&gt;Rules are saved in %2.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PortRelay %1&lt;/h3&gt;&lt;p&gt;带负载均衡引擎的端口转发管理器。&lt;/p&gt;&lt;p&gt;规则保存在 %2。&lt;/p&gt;&lt;p&gt;自由软件，以 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1: %2 down</source>
        <translation>%1：%2 宕机</translation>
    </message>
</context>
<context>
    <name>PortRelay::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Start PortRelay at login</source>
        <translation>登录时启动 PortRelay(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep rules running in the system tray when the window is closed</source>
        <translation>关闭窗口后在系统托盘中继续运行规则(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Notify when a backend goes down or comes back, or a rule fails</source>
        <translation>后端宕机或恢复、规则失败时发出通知(&amp;N)</translation>
    </message>
    <message>
        <source>No system tray is available</source>
        <translation>没有可用的系统托盘</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>Could not change the autostart entry: %1</source>
        <translation>无法更改自动启动项：%1</translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleEditorDialog</name>
    <message>
        <source>New Rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Edit Rule “%1”</source>
        <translation>编辑规则“%1”</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>e.g. api or postgres-dev</source>
        <translation>例如 api 或 postgres-dev</translation>
    </message>
    <message>
        <source>Shown in the rules list and in logs; unique among the rules.</source>
        <translation>显示在规则列表和日志中；在所有规则中必须唯一。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Rules of one group can be started and stopped together.</source>
        <translation>同一分组的规则可以一起启动和停止。</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>A disabled rule is kept but does not listen.</source>
        <translation>已禁用的规则会保留，但不会监听。</translation>
    </message>
    <message>
        <source>This computer only (IPv4 loopback)</source>
        <translation>仅本机（IPv4 回环）</translation>
    </message>
    <message>
        <source>This computer only (IPv6 loopback)</source>
        <translation>仅本机（IPv6 回环）</translation>
    </message>
    <message>
        <source>Every IPv4 interface: reachable from other machines</source>
        <translation>所有 IPv4 接口：其他机器可以访问</translation>
    </message>
    <message>
        <source>Every IPv6 interface: reachable from other machines</source>
        <translation>所有 IPv6 接口：其他机器可以访问</translation>
    </message>
    <message>
        <source>The address to accept connections on: an IP address, localhost or *.</source>
        <translation>接受连接的地址：IP 地址、localhost 或 *。</translation>
    </message>
    <message>
        <source>1-65535</source>
        <translation>1-65535</translation>
    </message>
    <message>
        <source>The port clients connect to.</source>
        <translation>客户端连接的端口。</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Reachable from other machines. Listen on a loopback address (127.0.0.1) unless other machines must connect, and then restrict the clients with an allow list (Advanced tab).</source>
        <translation>其他机器可以访问。除非必须让其他机器连接，否则请监听回环地址（127.0.0.1）；如需开放，请用允许列表限制客户端（“高级”页）。</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>TCP is the only protocol so far.</source>
        <translation>目前只支持 TCP 协议。</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>协议(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>策略(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Backends:</source>
        <translation>后端(&amp;B)：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Health Check</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>a listen port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>the address to forward to</source>
        <translation>转发目标地址</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>Discard New Rule?</source>
        <translation>丢弃新规则？</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>丢弃更改？</translation>
    </message>
    <message>
        <source>The new rule has not been created. Discard it?</source>
        <translation>新规则尚未创建。要丢弃它吗？</translation>
    </message>
    <message>
        <source>Your changes to this rule have not been saved. Discard them?</source>
        <translation>对此规则的更改尚未保存。要丢弃这些更改吗？</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <source>Optional: what it is for, whom to ask</source>
        <translation>可选：用途、联系人</translation>
    </message>
    <message>
        <source>A note for people; shown when the pointer rests on the rule.</source>
        <translation>写给人看的备注；鼠标停留在规则上时显示。</translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation>描述(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleSchema</name>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>连接超时(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>空闲超时(&amp;I)：</translation>
    </message>
    <message>
        <source>Close a connection after this long without traffic.</source>
        <translation>连接无流量超过此时间后关闭。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>重试次数(&amp;R)：</translation>
    </message>
    <message>
        <source>Further rounds over the backends once every one has failed for a client.</source>
        <translation>对某个客户端所有后端都失败后，再轮询后端的轮数。</translation>
    </message>
    <message>
        <source>Retry &amp;backoff:</source>
        <translation>重试退避(&amp;B)：</translation>
    </message>
    <message>
        <source>Pause before the first further round; it doubles each round.</source>
        <translation>第一次额外轮询前的暂停时间；每轮加倍。</translation>
    </message>
    <message>
        <source>No pause</source>
        <translation>不暂停</translation>
    </message>
    <message>
        <source>&amp;Max connections:</source>
        <translation>最大连接数(&amp;M)：</translation>
    </message>
    <message>
        <source>Open client connections at most.</source>
        <translation>最多打开的客户端连接数。</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Max per c&amp;lient:</source>
        <translation>每客户端上限(&amp;L)：</translation>
    </message>
    <message>
        <source>Open connections from one client address at most; more are refused. Keeps one client from taking every connection.</source>
        <translation>单个客户端地址最多可打开的连接数；超出的连接将被拒绝。可防止某个客户端占用全部连接。</translation>
    </message>
    <message>
        <source>Max &amp;fails:</source>
        <translation>最大失败次数(&amp;F)：</translation>
    </message>
    <message>
        <source>Failed connects from real traffic within the fail window that take a backend out (passive checks).</source>
        <translation>在失败窗口内，真实流量连接失败达到此次数后使后端下线（被动检查）。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Fail &amp;window:</source>
        <translation>失败窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>The window in which failed connects count.</source>
        <translation>统计连接失败次数的时间窗口。</translation>
    </message>
    <message>
        <source>&amp;Slow start:</source>
        <translation>慢启动(&amp;S)：</translation>
    </message>
    <message>
        <source>A backend back from down ramps up to its full weight over this time.</source>
        <translation>从宕机中恢复的后端在此时间内逐步升至完整权重。</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>间隔(&amp;I)：</translation>
    </message>
    <message>
        <source>Time between two checks of one backend.</source>
        <translation>同一后端两次检查之间的间隔。</translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation>超时(&amp;O)：</translation>
    </message>
    <message>
        <source>How long one check may take, sending and the reply included; at most the interval.</source>
        <translation>一次检查（包括发送和回复）允许的最长时间；不超过间隔。</translation>
    </message>
    <message>
        <source>&amp;Rise:</source>
        <translation>恢复次数(&amp;R)：</translation>
    </message>
    <message>
        <source>Passed checks in a row before a down backend is used again.</source>
        <translation>宕机的后端需要连续通过多少次检查才会被再次使用。</translation>
    </message>
    <message>
        <source>&amp;Fall:</source>
        <translation>失败次数(&amp;F)：</translation>
    </message>
    <message>
        <source>Failed checks in a row before a backend counts as down.</source>
        <translation>连续失败多少次检查后，后端被视为宕机。</translation>
    </message>
    <message>
        <source>How long one connection attempt to a backend may take. Also the time limit of “Test Backends” while health checks are off.</source>
        <translation>一次连接后端的尝试允许的最长时间；健康检查关闭时，也是“测试后端”的时间限制。</translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleSetParser</name>
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
        <source>unknown protocol %1 (supported: %2)</source>
        <translation>未知的协议 %1（支持：%2）</translation>
    </message>
    <message>
        <source>protocol %1 is not supported yet (supported: %2)</source>
        <translation>暂不支持协议 %1（支持：%2）</translation>
    </message>
    <message>
        <source>unknown balance strategy %1 (supported: %2)</source>
        <translation>未知的负载均衡策略 %1（支持：%2）</translation>
    </message>
    <message>
        <source>unknown balance strategy %1 (did you mean &quot;%2&quot;?)</source>
        <translation>未知的负载均衡策略 %1（您是指 &quot;%2&quot; 吗？）</translation>
    </message>
    <message>
        <source>unknown on_down value %1 (supported: %2)</source>
        <translation>未知的 on_down 值 %1（支持：%2）</translation>
    </message>
    <message>
        <source>unknown health check type %1 (supported: %2)</source>
        <translation>未知的健康检查类型 %1（支持：%2）</translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>缺少必需的键 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation>未知的键（您是指 &quot;%1&quot; 吗？）</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
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
        <source>expected a boolean (true or false), got %1</source>
        <translation>应为布尔值（true 或 false），实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>contains an unpaired surrogate (U+%1)</source>
        <translation>包含未配对的代理项（U+%1）</translation>
    </message>
    <message>
        <source>an empty list would refuse every client: omit the key to allow any client</source>
        <translation>空列表会拒绝所有客户端：若要允许任何客户端，请省略此键</translation>
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
        <source>unknown hop type %1 (supported: %2)</source>
        <translation>未知跳板类型 %1（支持：%2）</translation>
    </message>
    <message>
        <source>hop type %1 is not supported yet (supported: %2)</source>
        <translation>暂不支持跳板类型 %1（支持：%2）</translation>
    </message>
    <message>
        <source>an empty file name: leave the key out for the default</source>
        <translation>文件名为空：如需默认值请省略该键</translation>
    </message>
    <message>
        <source>&quot;x-&quot; keys are kept only at the top level, in hops, in rules and in backends</source>
        <translation>&quot;x-&quot; 键只在顶层、跳板、规则和后端中保留</translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleTableModel</name>
    <message>
        <source>round robin</source>
        <translation>轮询</translation>
    </message>
    <message>
        <source>least connections</source>
        <translation>最少连接</translation>
    </message>
    <message>
        <source>source hash</source>
        <translation>源地址哈希</translation>
    </message>
    <message>
        <source>power of two</source>
        <translation>二选一随机</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation>– / %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未启动</translation>
    </message>
    <message numerus="yes">
        <source>%n backend(s) down</source>
        <translation>
            <numerusform>%n 个后端宕机</numerusform>
        </translation>
    </message>
    <message>
        <source>Backends up / configured</source>
        <translation>正常后端数 / 配置的后端数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>%1 (exposed)</source>
        <translation>%1（已暴露）</translation>
    </message>
    <message>
        <source>Reachable from other machines on the network. Listen on 127.0.0.1 to keep the rule on this computer.</source>
        <translation>网络中的其他机器可以访问。监听 127.0.0.1 可让此规则只在本机使用。</translation>
    </message>
    <message>
        <source>Waiting: %1.</source>
        <translation>等待中：%1。</translation>
    </message>
    <message>
        <source>%1 — retry in %2 s</source>
        <translation>%1 — %2 秒后重试</translation>
    </message>
    <message>
        <source>%1 — retrying now</source>
        <translation>%1 — 正在重试</translation>
    </message>
    <message>
        <source>port %1 in use</source>
        <translation>端口 %1 被占用</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 被占用</translation>
    </message>
    <message>
        <source>waiting for %1 on this machine</source>
        <translation>等待本机出现 %1</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>等待中：%1</translation>
    </message>
    <message>
        <source>PortRelay tries again on its own until the rule can listen; the next try is at %1. To use another port now, edit the rule.</source>
        <translation>PortRelay 会自动重试，直到规则能够监听为止；下次尝试在 %1。如需立即改用其他端口，请编辑规则。</translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleTransfer</name>
    <message>
        <source>Import Rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <source>Export Selected Rules</source>
        <translation>导出所选规则</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>导出规则</translation>
    </message>
    <message>
        <source>Rules files (*.json)</source>
        <translation>规则文件 (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rule(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条规则导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules files (*.json);;OpenSSH client configuration (config *.conf);;All files (*)</source>
        <translation>规则文件 (*.json);;OpenSSH 客户端配置 (config *.conf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleValidator</name>
    <message>
        <source>weight 0 is not allowed: set &quot;enabled&quot;: false to take a backend out of use</source>
        <translation>不允许权重为 0：如要停用后端，请设置 &quot;enabled&quot;: false</translation>
    </message>
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
        <source>own keys must start with &quot;x-&quot;</source>
        <translation>自定义键必须以 &quot;x-&quot; 开头</translation>
    </message>
    <message>
        <source>no host: use &quot;127.0.0.1&quot; for this machine only</source>
        <translation>缺少主机：如只允许本机访问，请使用 &quot;127.0.0.1&quot;</translation>
    </message>
    <message>
        <source>listen host must be an IP address, &quot;localhost&quot; or &quot;*&quot;, got %1</source>
        <translation>监听主机必须是 IP 地址、&quot;localhost&quot; 或 &quot;*&quot;，实际为 %1</translation>
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
        <source>%1 is not an address to connect to: name the backend&apos;s host</source>
        <translation>%1 不是可连接的地址：请指定后端的主机</translation>
    </message>
    <message>
        <source>needs &quot;type&quot;: &quot;tcp&quot;</source>
        <translation>需要 &quot;type&quot;: &quot;tcp&quot;</translation>
    </message>
    <message>
        <source>%1 bytes long in UTF-8; at most %2 are allowed</source>
        <translation>UTF-8 编码长 %1 字节；最多允许 %2 字节</translation>
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation>不是有效的 UTF-8</translation>
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
        <source>%1 conflicts with rules[%4] (%2), which listens on %3</source>
        <translation>%1 与 rules[%4]（%2）冲突，后者监听 %3</translation>
    </message>
</context>
<context>
    <name>PortRelay::SecretStore</name>
    <message>
        <source>&quot;%1&quot; is not a secret name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>“%1”不是有效的密钥名称：请使用字母、数字、“.”、“_”和“-”</translation>
    </message>
    <message>
        <source>credential %1: %2</source>
        <translation>凭据 %1：%2</translation>
    </message>
    <message>
        <source>systemd credentials are read-only: set them in the unit (LoadCredential=)</source>
        <translation>systemd 凭据是只读的：请在单元文件中设置（LoadCredential=）</translation>
    </message>
    <message>
        <source>secrets file %1 is read-only here: edit the file to change a secret</source>
        <translation>密钥文件 %1 在此为只读：如需更改密钥，请编辑该文件</translation>
    </message>
    <message>
        <source>secrets file %1: %2</source>
        <translation>密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>secrets file %1 is not a regular file</source>
        <translation>密钥文件 %1 不是普通文件</translation>
    </message>
    <message>
        <source>secrets file %1 belongs to user %2, not to the user running portrelayd (%3)</source>
        <translation>密钥文件 %1 属于用户 %2，而不是运行 portrelayd 的用户（%3）</translation>
    </message>
    <message>
        <source>secrets file %1 has mode %2, which lets other users read or change it: chmod 600 %1</source>
        <translation>密钥文件 %1 的权限为 %2，其他用户可以读取或修改它：请执行 chmod 600 %1</translation>
    </message>
    <message>
        <source>secrets file %1 is larger than %2 bytes</source>
        <translation>密钥文件 %1 超过 %2 字节</translation>
    </message>
    <message>
        <source>secrets file %1: not JSON (%2 at byte %3)</source>
        <translation>密钥文件 %1：不是 JSON（第 %3 字节处：%2）</translation>
    </message>
    <message>
        <source>secrets file %1: expected an object of names and values</source>
        <translation>密钥文件 %1：应为由名称和值组成的对象</translation>
    </message>
    <message>
        <source>secrets file %1: the value of &quot;%2&quot; must be a string</source>
        <translation>密钥文件 %1：“%2”的值必须是字符串</translation>
    </message>
    <message>
        <source>no keychain service is running (%1)</source>
        <translation>没有正在运行的钥匙串服务（%1）</translation>
    </message>
    <message>
        <source>the keychain was not unlocked</source>
        <translation>钥匙串未解锁</translation>
    </message>
    <message>
        <source>keychain: %1</source>
        <translation>钥匙串：%1</translation>
    </message>
</context>
<context>
    <name>PortRelay::SshConfigImport</name>
    <message>
        <source>a LocalForward outside a Host block with a plain host name is not taken (Match blocks and patterns name no one host)</source>
        <translation>不在具体主机名的 Host 块中的 LocalForward 不会导入（Match 块和通配模式不指向单一主机）</translation>
    </message>
    <message>
        <source>LocalForward needs a local port and a host:port</source>
        <translation>LocalForward 需要一个本地端口和一个 主机:端口</translation>
    </message>
    <message>
        <source>forwards from a Unix socket (%1) are not supported</source>
        <translation>不支持从 Unix 套接字（%1）转发</translation>
    </message>
    <message>
        <source>forwards to a Unix socket (%1) are not supported</source>
        <translation>不支持转发到 Unix 套接字（%1）</translation>
    </message>
</context>
<context>
    <name>PortRelay::SshHop</name>
    <message>
        <source>no private folder for the SSH control sockets could be made (XDG_RUNTIME_DIR, TMPDIR and /tmp tried)</source>
        <translation>无法为 SSH 控制套接字创建私有文件夹（已尝试 XDG_RUNTIME_DIR、TMPDIR 和 /tmp）</translation>
    </message>
    <message>
        <source>unknown host key for %1: accept it once (ssh %1, or --accept-new-host-keys) or add it to the hop&apos;s known_hosts_file</source>
        <translation>%1 的主机密钥未知：请先接受一次（ssh %1，或 --accept-new-host-keys），或将其加入跳板的 known_hosts_file</translation>
    </message>
    <message>
        <source>authentication failed (%1)</source>
        <translation>认证失败（%1）</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <source>the key needs a passphrase</source>
        <translation>密钥需要口令</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <source>timed out (%1)</source>
        <translation>超时（%1）</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>无法到达：%1</translation>
    </message>
    <message>
        <source>master exited with status %1</source>
        <translation>主连接已退出，状态 %1</translation>
    </message>
    <message>
        <source>master exited: %1</source>
        <translation>主连接已退出：%1</translation>
    </message>
    <message>
        <source>waiting for hop &quot;%1&quot;, which it is reached through</source>
        <translation>正在等待其所经由的跳板“%1”</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;, which it is reached through, is down</source>
        <translation>其所经由的跳板“%1”故障</translation>
    </message>
    <message>
        <source>ssh asked &quot;%1&quot;, which the hop has no secret for</source>
        <translation>ssh 询问“%1”，但该跳板没有对应的密钥项</translation>
    </message>
    <message>
        <source>passphrase needed: add secret &quot;%1&quot;</source>
        <translation>需要口令：请添加密钥项“%1”</translation>
    </message>
    <message>
        <source>password needed: add secret &quot;%1&quot;</source>
        <translation>需要密码：请添加密钥项“%1”</translation>
    </message>
    <message>
        <source>cannot read secret &quot;%1&quot;: %2</source>
        <translation>无法读取密钥项“%1”：%2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is not up</source>
        <translation>跳板“%1”未就绪</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is down: %2</source>
        <translation>跳板“%1”故障：%2</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: its master does not answer (%2)</source>
        <translation>跳板“%1”：其主连接无应答（%2）</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: its master closed the channel request</source>
        <translation>跳板“%1”：其主连接关闭了通道请求</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: its master speaks multiplexing protocol %2, not %3</source>
        <translation>跳板“%1”：其主连接使用复用协议 %2，而不是 %3</translation>
    </message>
    <message>
        <source>the far side of hop &quot;%1&quot; could not connect to %2</source>
        <translation>跳板“%1”的远端无法连接到 %2</translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: unexpected answer from its master</source>
        <translation>跳板“%1”：主连接的应答不符合预期</translation>
    </message>
    <message>
        <source>host key changed for %1: the server now shows %2, but %3 has %4; refusing to connect</source>
        <translation>%1 的主机密钥已改变：服务器现在出示 %2，而 %3 中记录的是 %4；拒绝连接</translation>
    </message>
    <message>
        <source>another key</source>
        <translation>另一个密钥</translation>
    </message>
</context>
<context>
    <name>PortRelay::StatusTotals</name>
    <message numerus="yes">
        <source>%1 of %n rule(s) running</source>
        <translation>
            <numerusform>%n 条规则中 %1 条正在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>In %1 · Out %2</source>
        <translation>入 %1 · 出 %2</translation>
    </message>
</context>
<context>
    <name>PortRelay::Subnet</name>
    <message>
        <source>invalid subnet %1: expected address/prefix, e.g. &quot;192.168.0.0/16&quot; or &quot;::1/128&quot;</source>
        <translation>无效的子网 %1：应为 地址/前缀长度 形式，例如 &quot;192.168.0.0/16&quot; 或 &quot;::1/128&quot;</translation>
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
    <name>PortRelay::TrafficChart</name>
    <message>
        <source>In (from clients)</source>
        <translation>入（来自客户端）</translation>
    </message>
    <message>
        <source>Out (to clients)</source>
        <translation>出（发往客户端）</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>活动连接</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/秒</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/秒</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/秒</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/秒</translation>
    </message>
    <message>
        <source>Throughput (%1)</source>
        <translation>吞吐量（%1）</translation>
    </message>
    <message>
        <source>In, busiest second</source>
        <translation>入（最忙的一秒）</translation>
    </message>
    <message>
        <source>Out, busiest second</source>
        <translation>出（最忙的一秒）</translation>
    </message>
    <message>
        <source>%.0f min</source>
        <extracomment>printf formats of the time axis&apos; labels, in seconds or minutes ago</extracomment>
        <translation>%.0f 分钟</translation>
    </message>
    <message>
        <source>%.0f s</source>
        <translation>%.0f 秒</translation>
    </message>
</context>
<context>
    <name>PortRelay::TrafficPane</name>
    <message>
        <source>Selected rule</source>
        <translation>所选规则</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>所有规则</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
</context>
<context>
    <name>PortRelay::TrayIcon</name>
    <message>
        <source>PortRelay</source>
        <translation>PortRelay</translation>
    </message>
    <message>
        <source>PortRelay: %1</source>
        <translation>PortRelay：%1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>停止 %1</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
</context>
<context>
    <name>PortRelay::TrayPresence</name>
    <message>
        <source>Rule %1 failed to start</source>
        <translation>规则 %1 启动失败</translation>
    </message>
    <message>
        <source>Backend down</source>
        <translation>后端宕机</translation>
    </message>
    <message>
        <source>%1 of rule %2 is down: %3</source>
        <translation>规则 %2 的后端 %1 已宕机：%3</translation>
    </message>
    <message>
        <source>Backend up</source>
        <translation>后端恢复</translation>
    </message>
    <message>
        <source>%1 of rule %2 is back up</source>
        <translation>规则 %2 的后端 %1 已恢复</translation>
    </message>
    <message>
        <source>PortRelay is still running</source>
        <translation>PortRelay 仍在运行</translation>
    </message>
    <message>
        <source>Your rules keep forwarding. PortRelay is in the system tray; choose Quit there to stop it.</source>
        <translation>规则仍在转发。PortRelay 位于系统托盘中；要停止它，请在托盘菜单中选择“退出”。</translation>
    </message>
</context>
<context>
    <name>PortRelay::WindowActions</name>
    <message>
        <source>&amp;New Rule…</source>
        <translation>新建规则(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a forwarding rule</source>
        <translation>创建一条转发规则</translation>
    </message>
    <message>
        <source>&amp;Edit Rule…</source>
        <translation>编辑规则(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the selected rule</source>
        <translation>修改所选规则</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制规则(&amp;U)</translation>
    </message>
    <message>
        <source>Copy the selected rules (the copies start stopped)</source>
        <translation>复制所选规则（副本处于停止状态）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected rules (Undo brings them back)</source>
        <translation>删除所选规则（可以撤销）</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Start the selected rules</source>
        <translation>启动所选规则</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the selected rules</source>
        <translation>停止所选规则</translation>
    </message>
    <message>
        <source>Start &amp;All</source>
        <translation>全部启动(&amp;A)</translation>
    </message>
    <message>
        <source>Start every rule</source>
        <translation>启动所有规则</translation>
    </message>
    <message>
        <source>Stop A&amp;ll</source>
        <translation>全部停止(&amp;L)</translation>
    </message>
    <message>
        <source>Stop every rule</source>
        <translation>停止所有规则</translation>
    </message>
    <message>
        <source>Start Rules &amp;Shown</source>
        <translation>启动显示的规则(&amp;S)</translation>
    </message>
    <message>
        <source>Start the rules the filter shows</source>
        <translation>启动筛选后显示的规则</translation>
    </message>
    <message>
        <source>Stop Rules S&amp;hown</source>
        <translation>停止显示的规则(&amp;H)</translation>
    </message>
    <message>
        <source>Stop the rules the filter shows</source>
        <translation>停止筛选后显示的规则</translation>
    </message>
    <message>
        <source>Start &amp;Group</source>
        <translation>启动分组(&amp;G)</translation>
    </message>
    <message>
        <source>Stop G&amp;roup</source>
        <translation>停止分组(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add rules from a rules file</source>
        <translation>从规则文件添加规则</translation>
    </message>
    <message>
        <source>&amp;Export All…</source>
        <translation>全部导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save every rule to a rules file</source>
        <translation>将所有规则保存到规则文件</translation>
    </message>
    <message>
        <source>Export &amp;Selected…</source>
        <translation>导出所选(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the selected rules to a rules file</source>
        <translation>将所选规则保存到规则文件</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Show PortRelay</source>
        <translation>显示 PortRelay(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>Open the PortRelay documentation</source>
        <translation>打开 PortRelay 文档</translation>
    </message>
    <message>
        <source>&amp;About PortRelay</source>
        <translation>关于 PortRelay(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Start &amp;Group “%1”</source>
        <translation>启动分组“%1”(&amp;G)</translation>
    </message>
    <message>
        <source>Stop G&amp;roup “%1”</source>
        <translation>停止分组“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
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
    <message>
        <source>no backend available</source>
        <translation>没有可用的后端</translation>
    </message>
    <message numerus="yes">
        <source>no backend reachable after %n attempt(s): timeout after %1 ms</source>
        <translation>
            <numerusform>尝试 %n 次后仍无法连接任何后端：%1 毫秒后超时</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed connects within %2 ms (last: %3)</source>
        <translation>%2 毫秒内连接失败 %1 次（最近一次：%3）</translation>
    </message>
    <message>
        <source>client %1 refused: max_connections (%2) reached</source>
        <translation>已拒绝客户端 %1：已达到 max_connections（%2）</translation>
    </message>
    <message>
        <source>client %1 refused: max_connections_per_client (%2) reached</source>
        <translation>已拒绝客户端 %1：已达到 max_connections_per_client（%2）</translation>
    </message>
    <message>
        <source>%1 failures within %2 ms (last: %3 during a transfer)</source>
        <translation>%2 毫秒内失败 %1 次（最近一次：传输中 %3）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n similar event(s) not logged one by one)</source>
        <translation>
            <numerusform>%1（另有 %n 个类似事件未逐条记录）</numerusform>
        </translation>
    </message>
    <message>
        <source>client not served: %1</source>
        <translation>未能为客户端提供服务：%1</translation>
    </message>
</context>
<context>
    <name>RuleDraft</name>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>RuleSetEdits</name>
    <message>
        <source>New rule %1</source>
        <translation>新建规则 %1</translation>
    </message>
    <message>
        <source>Rule not added</source>
        <translation>未添加规则</translation>
    </message>
    <message>
        <source>The rule %1 cannot be added:</source>
        <translation>无法添加规则 %1：</translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation>编辑规则 %1</translation>
    </message>
    <message>
        <source>Rule not changed</source>
        <translation>未更改规则</translation>
    </message>
    <message>
        <source>The rule %1 cannot be changed:</source>
        <translation>无法更改规则 %1：</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n rule(s)</source>
        <translation>
            <numerusform>复制 %n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules not duplicated</source>
        <translation>未复制规则</translation>
    </message>
    <message>
        <source>The copies cannot be added:</source>
        <translation>无法添加副本：</translation>
    </message>
    <message>
        <source>Delete rule %1</source>
        <translation>删除规则 %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n rule(s)</source>
        <translation>
            <numerusform>删除 %n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules not deleted</source>
        <translation>规则未删除</translation>
    </message>
    <message>
        <source>The rules cannot be deleted:</source>
        <translation>无法删除这些规则：</translation>
    </message>
    <message>
        <source>Enable backend %1</source>
        <translation>启用后端 %1</translation>
    </message>
    <message>
        <source>Disable backend %1</source>
        <translation>禁用后端 %1</translation>
    </message>
    <message>
        <source>Backend not changed</source>
        <translation>未更改后端</translation>
    </message>
    <message>
        <source>The rule %1 has no backend %2.</source>
        <translation>规则 %1 没有第 %2 个后端。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Rules not imported</source>
        <translation>未导入规则</translation>
    </message>
    <message>
        <source>Nothing was changed:</source>
        <translation>未做任何更改：</translation>
    </message>
    <message>
        <source>Rules not started</source>
        <translation>未启动规则</translation>
    </message>
    <message>
        <source>Starting these rules would make two rules share a port:</source>
        <translation>启动这些规则会使两条规则共用同一端口：</translation>
    </message>
</context>
<context>
    <name>RuleSetImport</name>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>no LocalForward line of a Host block to import</source>
        <translation>没有可导入的 Host 块中的 LocalForward 行</translation>
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
    <name>StateIcons</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>portrelay</name>
    <message>
        <source>PortRelay port-forwarding manager</source>
        <translation>PortRelay 端口转发管理器</translation>
    </message>
    <message>
        <source>Start in the system tray (or minimized) without showing the window.</source>
        <translation>启动到系统托盘（或最小化），不显示窗口。</translation>
    </message>
    <message>
        <source>portrelay: already running; asked the running window to show itself</source>
        <translation>portrelay：已在运行；已请求正在运行的窗口显示出来</translation>
    </message>
    <message>
        <source>portrelay: a second launch asked for the window</source>
        <translation>portrelay：再次启动的实例请求显示窗口</translation>
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
        <source>--log-format: &quot;%1&quot; is not text or json</source>
        <translation>--log-format：&quot;%1&quot; 既不是 text 也不是 json</translation>
    </message>
    <message>
        <source>--workers: &quot;%1&quot; is not a number from 0 to 256</source>
        <translation>--workers：&quot;%1&quot; 不是 0 到 256 之间的数字</translation>
    </message>
    <message>
        <source>--relay: &quot;%1&quot; is not auto, copy or splice</source>
        <translation>--relay：&quot;%1&quot; 不是 auto、copy 或 splice</translation>
    </message>
    <message>
        <source>--grace-ms: &quot;%1&quot; is not a number of milliseconds</source>
        <translation>--grace-ms：&quot;%1&quot; 不是有效的毫秒数</translation>
    </message>
    <message>
        <source>Read the passwords and key passphrases that hops name from &lt;file&gt;: a JSON object of names and values, mode 0600. Without it, systemd credentials ($CREDENTIALS_DIRECTORY) are used when there are any.</source>
        <translation>从 &lt;file&gt; 读取跃点所引用的密码和密钥口令：一个由名称和值组成的 JSON 对象，权限须为 0600。未指定时，如有 systemd 凭据（$CREDENTIALS_DIRECTORY）则使用它。</translation>
    </message>
    <message>
        <source>Record the host keys of SSH hops seen for the first time in known_hosts. Without it an unknown key fails the hop; a changed key always does.</source>
        <translation>将首次见到的 SSH 跳板主机密钥记录到 known_hosts。未指定时，未知密钥会使跳板失败；已改变的密钥始终会使其失败。</translation>
    </message>
</context>
</TS>
