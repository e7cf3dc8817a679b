using System.Globalization;
using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Text made of what the recognisers key on: digits in every width, Chinese numerals and magnitudes (万亿),
/// units, qualifiers, percent signs, periods, book-title and corner brackets, list words (分别), clause
/// punctuation, entity names and suffixes, relation triggers; with surrogate pairs, format and control
/// characters mixed in. Random sequences of these reach corners that real prose seldom does.
/// </summary>
internal static class HotText
{
    /// <summary>Pieces of recognisable text, each valid UTF-16.</summary>
    public static readonly string[] Tokens =
    [
        "0", "1", "2", "3", "5", "7", "9", "00", "2023", "2024", "2025", "12", "3600", "1,234", "5.11", "0.5", ".",
        "０", "１", "２", "９", "．", "，", "%", "％", "‰", "e", "E", "+", "-", "－", "—", "～", "~", "/", "／", ":", "：",
        "零", "〇", "一", "二", "两", "兩", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "萬", "亿", "億",
        "兆", "拾", "佰", "仟", "壹", "贰", "貳", "半", "几", "数", "余", "多",
        "元", "亿元", "億元", "万元", "美元", "港元", "港币", "新台币", "人民币", "欧元", "家", "萬家", "个", "個", "人", "辆", "輛",
        "项", "項", "吨", "千瓦时", "平方公里", "公里", "米", "TW", "GW", "兆瓦", "TEU", "mm", "个百分点", "個百分點", "百分点", "百分之", "分之", "倍", "翻番", "成",
        "第", "首位", "位居", "前", "名", "约", "約", "近", "超", "超过", "超過", "逾", "突破", "以上", "不少于", "至少", "不到",
        "不足", "未满", "以内", "不超过", "左右", "大约", "达", "達", "为", "為", "是", "实现", "增长", "增長", "同比增长", "同比",
        "环比", "增速", "下降", "减少", "增加", "回落", "加快", "提高", "占", "比重", "份额",
        "年", "月", "日", "号", "季度", "一季度", "上半年", "下半年", "前三季度", "全年", "1-7月", "1—2月", "去年", "今年", "明年",
        "上年", "同期", "上年同期", "截至", "截至目前", "目前", "十四五", "十四五期间", "年底", "年末", "月份", "底",
        "分别", "分別", "和", "及", "与", "與", "、", "，", "；", ";", "。", "！", "？", "（", "）", "(", ")", "《", "》", "「", "」",
        "『", "』", "“", "”", "\"", "'", "【", "】", "·", "…", "\n", "\r\n", "\r", "\n\n", " ", "  ", "\u3000", "\t", "\u00A0",
        "深圳", "深圳市", "北京", "北京市", "上海", "香港", "澳门", "台湾", "臺灣", "广东", "广东省", "杭州", "南山区", "大湾区", "中国",
        "全国", "美国", "华为", "華為", "比亚迪", "大疆", "腾讯", "阿里巴巴", "台积电", "深度求索", "DeepSeek", "科技", "股份有限公司",
        "有限公司", "集团", "公司", "企业", "大学", "研究院", "统计局", "統計局", "工业和信息化局", "市经信局", "新华社", "人民日报",
        "据", "據", "统计", "显示", "数据", "记者", "获悉", "报道", "创立", "創立", "创办", "成立", "总部位于", "總部", "位于", "投资",
        "入股", "生产", "供应", "子公司", "旗下", "董事长", "总裁", "市长", "局长", "任正非", "王传福", "汪滔", "先生",
        "的", "其中", "产业规模", "產業規模", "规模", "人工智能", "新能源汽车", "机器人", "企业数量", "进出口总额", "研发投入",
        "全社会研发投入", "地区生产总值", "GDP", "社会消费品零售总额", "出口", "进口", "营收", "营业收入", "净利润", "产量", "销量",
        "比", "较", "較", "当", "时", "中", "内", "共", "合计", "累计", "平均", "人均", "每", "以及", "其", "该", "此",
        "http://", "https://example.invalid/2024/03/05/a.html", "原文連結", "原文链接", "分享", "责任编辑", "版权所有", "©",
        "<", ">", "&", "&amp;", "&#x4E07;", "#", "*", "|", "---", "title:", "date:",
        "𠀀", "𪚥", "𠮷", "😀", "👍🏽", "\U0002A6A5", "\u200B", "\u200D", "\uFEFF", "\u0301", "\u2028", "\u2029", "\u0085", "\u00AD",
        "\u0001", "\u0007", "\u001B", "\u007F", "\u008D", "\uFFFD", "\uFFFF", "\uFFFE", "\uE000",
    ];

    /// <summary>Pieces only a directly built text can hold: they are not valid UTF-16 (or not text at all).</summary>
    public static readonly string[] IllFormed = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\uD83D", "\uDE00", "\0"];

    /// <summary>A text of about <paramref name="length"/> characters from the tokens and random numbers.</summary>
    public static string Make(FuzzRandom rng, int length, bool illFormed = false)
    {
        var sb = new StringBuilder(length + 16);
        while (sb.Length < length)
        {
            int pick = rng.Next(100);
            if (pick < 12)
            {
                sb.Append(Number(rng));
            }
            else if (pick < 14)
            {
                sb.Append((char)rng.Next(0x20, 0xD800)); // any BMP character before the surrogates
            }
            else if (illFormed && pick < 17)
            {
                sb.Append(rng.Pick(IllFormed));
            }
            else
            {
                sb.Append(rng.Pick(Tokens));
            }
        }

        return sb.ToString();
    }

    /// <summary>A number as texts write them, and as no text should: huge, tiny, long, full-width.</summary>
    public static string Number(FuzzRandom rng)
    {
        switch (rng.Next(10))
        {
            case 0:
                return new string('9', rng.Next(1, 400)); // overflows every integer type, and double too
            case 1:
                return "0." + new string('0', rng.Next(1, 400)) + "1";
            case 2:
                return rng.Next(1_000_000).ToString("N0", CultureInfo.InvariantCulture);
            case 3:
                return string.Concat(Enumerable.Range(0, rng.Next(1, 12)).Select(_ => (char)('０' + rng.Next(10))));
            case 4:
                return string.Concat(Enumerable.Range(0, rng.Next(1, 12)).Select(_ => "零一二三四五六七八九十百千万亿"[rng.Next(15)]));
            case 5:
                return "1e" + rng.Next(400).ToString(CultureInfo.InvariantCulture);
            case 6:
                return string.Concat(Enumerable.Repeat("亿", rng.Next(1, 30)));
            case 7:
                return rng.Next(10000).ToString(CultureInfo.InvariantCulture) + "." + rng.Next(100000).ToString(CultureInfo.InvariantCulture);
            default:
                return (rng.NextUInt64() >> rng.Next(64)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
