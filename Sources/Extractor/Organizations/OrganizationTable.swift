/// Vocabularies for organization names.
///
/// Sources: the head words of Chinese organization names (机构名称 suffixes: 局,
/// 委员会, 协会, 有限公司…), the party and youth-league hierarchy (党委, 党支部,
/// 团区委), and a short curated list of well-known national and international
/// bodies and news media that carry no head word (新华社, 联合国, 澎湃新闻).
enum OrganizationTable {
    /// Head words, longest first within a line: `category: word word …`; an indented line
    /// continues the category above it.
    /// A head word ends a name; what stands before it is found by the left-boundary model.
    /// Bureaus whose official names join two fields with 和 (人力资源和社会保障局) are head
    /// words whole, since 和 otherwise ends a name.
    static let headSource = """
    government: 人力资源和社会保障局 人力资源和社会保障厅 人力资源和社会保障部 人力资源社会保障局 住房和城乡建设局 住房和城乡建设厅 住房和城乡建设部 住房和城乡建设委员会 粮食和物资储备局 粮食和物资储备厅
        自然资源和规划局 文化和旅游局 文化和旅游厅 文化和旅游部 工业和信息化局 工业和信息化厅 工业和信息化部 商务和投资促进局 民族和宗教事务局 民族和宗教事务委员会 经济和信息化局 经济和信息化委员会 科学技术和工业信息化局
        人民政府 财政局 财政厅 财政部 人大 指挥部 防指 委员会 常委会 人大常委会 管委会 组委会 筹委会 奥组委 气象台 参议院 众议院 国民议会 居委会 村委会 人民法院 法院 人民检察院 检察院 公安局 公安厅 派出所
        海关 办事处 街道 司法所 管理处 监督局 管理局 统计局 民政局 税务局 卫健委 发改委 部 局 厅 署 委 办公室 营商办 港澳办 台办 侨办 外办 信访办 综治办 扶贫办 防控办 文明办 网信办 新闻办 法制办
    party: 致公党 农工党 九三学社 社民党 自民党 联合党委 党工委 党总支 党支部 党委 党组 团市委 团区委 团县委 团省委 团中央 团委 纪委 市委 省委 县委 区委 工委 共产党 国民党 民主党 共和党 自由党 保守党
        社会党 人民党 工党 民进党
    association: 红十字会 联合会 联谊会 促进会 基金会 研究会 协会 学会 商会 总会 工会 理事会 议会 妇联 侨联 文联 工商联 青联 残联 科协 作协 足协 青企协 企协 联盟 同盟
    company: 股份有限公司 有限责任公司 有限公司 分公司 公司 集团 地铁 公交 水务 燃气 银行 分行 支行 超市 商场 酒店 宾馆 饭店 厂
    hospital: 社区卫生服务中心 卫生服务中心 疾控中心 卫生院 医院 诊所 门诊部
    school: 研究生院 大学 学院 中学 小学 幼儿园 学校 党校 分校 技校
    research: 设计院 勘测设计院 研究所 研究院 科学院 研究中心 研究室 实验室 事务所 交易所
    media: 通讯社 出版社 杂志社 日报社 报社 电视台 广播电台 电台 日报 晚报 时报
    team: 代表队 国家队 女队 男队 球队 俱乐部 集训队 队
    military: 部队 军区 警备区 海军 空军 陆军 武警
    group: 代表团 艺术团 访问团 考察团 合唱团 剧团 共青团 支教团 志愿团 服务团 宣讲团 讲师团 顾问团 专家团
    other: 中心 工作站 服务站 接驳站 救助站 检查站 采样点
    """

    /// Head words that name a unit inside the organization before them: 联谊会党委,
    /// 民政局党组, 街道社区卫生服务中心, 街道营商办. They extend a name to the right.
    static let subunitSource = """
    联合党委 党工委 党总支 党支部 党委 党组 团委 纪委 工会 分会 办公室 营商办 社区卫生服务中心 卫生服务中心
    分公司 分行 支行 分局 派出所 研究所 实验室 委员会 常委会 安理会 统战部 宣传部 组织部 政治局 法工委 法制局 办公厅
    秘书处 公司 集团 集团公司 股份有限公司 有限责任公司 有限公司 就业处 教务处 学生处 人事处 财务处 科研处 宣传处 保卫处
    """

    /// Names without a head word, and abbreviations that stand alone (团区委 is in the head words).
    static let knownSource = """
    media: 新华社 人民网 中新网 新华网 央视 澎湃新闻 人民日报 光明日报 经济日报 中央电视台 中国新闻社 中新社 法新社 美联社 路透社 共同社 塔斯社 纽约时报 华盛顿邮报 BBC CNN
    government: 国务院 中共中央 党中央 中央军委 全国人大 全国人大常委会 全国政协 最高人民法院 最高人民检察院 国家统计局 外交部 美联储 央行 国家杜马 杜马 国会 内阁 安理会 中央气象台
    party: 中共 十五大 十四大 十六大 中共十五大 中共十四大 中共十六大 民革 民盟 民建 民进 台盟 致公党 农工党 九三学社
    association: 足协 中国足协 国际足联 国际奥委会 中国残联 残联 妇联 全国妇联 全国总工会 工商联 中国科协
    school: 北大 清华 复旦 南开 北师大 人民大学 中科大
    international: 亚行 世行 欧佩克组织 联合国安理会 联合国 欧盟 北约 东盟 世贸组织 世界卫生组织 世界贸易组织 国际货币基金组织 世界银行 亚洲开发银行 国际奥委会 国际足联 亚足联 欧佩克 石油输出国组织
        亚太经合组织 上合组织 联合国教科文组织 泛美卫生组织 国际劳工组织 国际红十字会
    company: 微软 英特尔 华为 腾讯 阿里巴巴 飞利浦 西门子 丰田 思科 波音 空客 三菱 索尼 松下 东芝 宝马 奔驰 大众 通用 福特 IBM 邯钢 宝钢 首钢 鞍钢 武钢 一汽 中石化 中石油 联想 海尔 长虹 康佳
    research: 中科院 社科院 农科院 工程院
    military: 解放军 中国人民解放军
    """

    /// Words that end a name on its left: functions words and verbs of bulletins. A name
    /// never contains them, so the left boundary stops at the first one.
    static let stopCharacters = "的与及和有在向为由对是了等将被把从据跟给让使于并也都还又就而但或这那每该我你他她它们各已到至所—…-，。、；：！？,.;:!?（）()“”‘’\"《》【】 \n"

    /// Verbs and other words trimmed from the front of a name's left part (组织 is kept
    /// inside names such as 社会组织党委; it is only trimmed at the front).
    static let leadingWordSource = """
    组织 动员 发动 召开 举行 参加 参与 成立 联合 捐赠 表示 指出 宣布 获悉 来自 支援 配合 督促 指导 号召 带领
    开展 提供 协助 抽调 派驻 组建 成为 加入 隶属 前往 赶赴 会同 联手 携手 委托 邀请 依托 通过 经过 根据 按照
    代表 作为 包括 以及 会员企业 会员单位 成员单位 下属 旗下 所属 位于 积极 主动 全力 先后 分别 共同 其中 同时
    贯彻 落实 认真 目前 近期 当前 今年 去年 全市 全区 全省 全国 当地 有关 相关 基层 本市 本区 注入 进入 走进 深入
    来到 回到 走访 看望 慰问 联系 对接 推动 推进 协调 帮助 服务于 只有 拥有 会见 派遣 访问 出席 主持 提高 作出 视察
    通知 卖掉 随着 一些 这些 那些 两家 几家 多家
    转运 收治 设置 建成 布局 统筹 回忆 设立 新建 改建 扩建 启用 开设 增设 指定 送往 转入 入住 就读 毕业于 现任 担任 任职
    登陆 抵达 离开 返回 安排 调配 合理 布设 设有 建有 移送 移交 提交 上诉 起诉 递交 报送 报请 呈报 签约 入职
    """

    /// Whole names that are generic groups, not organizations.
    static let genericSource = """
    会员单位 社会组织 有关部门 相关部门 各区 各级 各部门 职能部门 主管部门 有关单位 志愿服务队 工作队 突击队 医疗队
    服务队 小分队 分队 车队 部分 全部 内部 外部 干部 局部 总部 本部 东部 西部 南部 北部 中部 大局 格局 布局 结局
    当局 全局 政局 工厂 药厂 学校 医院 公司 集团 银行 委员会 协会 大学 中学 小学 学院 党委 党支部 中心 政府
    隔离酒店 定点医院 方舱医院 指定医院 发热门诊 保险公司 外国公司 中小学 大中小学 金融证券公司 球队
    """

    /// Words that describe a kind of facility, not one facility (定点医院, 二级以上综合医院,
    /// 便民核酸采样点): a name whose part before the head is made of these alone is generic.
    static let genericModifiers = """
    亚定点 定点 方舱 哨点 指定 综合 专科 二级 三级 一级 甲等 乙等 以上 以下 新冠 发热 便民 核酸 中小 大中小 各级 各类 所有
    全部 其他 其它 有关 相关 附近 周边 当地 基层 乡镇 社区 临时 集中 隔离 民营 公立 私立 各 该 本 此 新 大型 小型 中型
    控股 全资 参股 子 孙 下属 上级 主管
    """

    /// Characters that may not come right after a single-character head word (部分, 局面, 委托).
    static let afterBlockers: [String: String] = [
        "部": "分门署队落位件属下", "局": "面部势限外", "委": "员托屈派婉任实靡身",
        "署": "名", "厂": "家房区商", "队": "伍员列形", "党": "员建史性风纪", "院": "士子落",
        "司": "机令法", "行": "动为业人政走使", "社": "会区交保", "中心": "城区", "街道": "口边上旁",
        "党组": "织", "作协": "议调同助商作",
    ]

    /// Characters that may not come right before a single-character head word (全部, 格局, 入党).
    static let beforeBlockers: [String: String] = [
        "部": "全内外干局东西南北中上下底头腹背胸面腰总本俱分细肺副新一二三四五六七八九十两几每声",
        "局": "格布大结当时全政开终僵战牌骗饭赌平赛出残棋败胜", "小学": "中", "中学": "集",
        "委": "主常编评政", "厅": "大客餐舞副", "署": "部签公", "厂": "工药", "党": "入建全政爱政",
        "队": "排站列整团军部车分中小大带", "团": "集社", "行": "进执推实举银运发",
    ]

    /// Words inside a 队 name that make it a generic group, not a team (志愿服务队, 突击队).
    static let genericTeamWords = "志愿 服务 突击 宣传 抗疫 医疗 救援 巡逻 工作 施工 应急 流动 小分 联防 护卫 车 干部 机防 一个 出线 南美 非洲 欧洲"
}
