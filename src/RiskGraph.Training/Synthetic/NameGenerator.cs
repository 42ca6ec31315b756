namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Plausible Chinese display names: company names as city + trade name (字号) + industry word + legal form,
/// person names as surname + one or two given-name characters. Names need not be unique (real ones are unique
/// only per registration authority); none contains a comma.
/// </summary>
internal static class NameGenerator
{
    private const string BrandSyllables =
        "华信恒达鑫源泰盛隆昌兴宏远瑞丰金鼎安正通天海博嘉德利新中创荣汇宇明升凯豪辉腾润森诚佳美和康万祥富顺永立广东方星智联科捷力威英启亿晟奥浩峰银环宝乐融协同合骏翔众诺光耀卓越锦江山川云龙鹏飞扬鸿运";

    // Roughly in order of frequency, so a Zipf weight over the index gives the familiar mix (王, 李, 张 first).
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩俊峰建国志文海东林龙学宇振锋春晓永德";
    private const string FemaleGiven = "芳娜敏静丽艳娟霞燕玲婷雪慧莹洁琳颖倩晶红梅兰萍佳欣怡悦璐蕾薇秀英桂凤丹";

    private static readonly WeightedTable SurnameTable = BuildSurnameTable();

    /// <summary>A trade name of two (mostly) or three distinct syllables.</summary>
    public static string Brand(Random rng)
    {
        int length = rng.Chance(0.8) ? 2 : 3;
        Span<char> chars = stackalloc char[length];
        for (int i = 0; i < length; i++)
        {
            char c;
            do c = BrandSyllables[rng.Next(BrandSyllables.Length)];
            while (chars[..i].Contains(c));
            chars[i] = c;
        }
        return new string(chars);
    }

    /// <param name="apex">The top of a holding group: 控股集团 / 投资控股.</param>
    /// <param name="large">Large firms are sometimes joint-stock companies (股份有限公司).</param>
    public static string Company(Random rng, int region, int industry, string brand, bool apex, bool large)
    {
        string city = RegionCatalog.All[region].City;
        if (apex)
        {
            return rng.Chance(0.5) ? brand + "控股集团有限公司" : city + brand + "投资控股有限公司";
        }
        var words = IndustryCatalog.All[industry].NameWords;
        string word = words[rng.Next(words.Length)];
        string form = large && rng.Chance(0.3) ? "股份有限公司" : rng.Chance(0.9) ? "有限公司" : "有限责任公司";
        double u = rng.NextDouble();
        if (u < 0.75) return string.Concat(city, brand, word, form);
        if (u < 0.90) return string.Concat(brand, word, "（", city, "）", form);
        return string.Concat(city, "市", brand, word, form);
    }

    public static string Person(Random rng, bool male)
    {
        char surname = Surnames[SurnameTable.Sample(rng)];
        string given = male ? MaleGiven : FemaleGiven;
        char first = given[rng.Next(given.Length)];
        if (rng.Chance(0.3)) return string.Concat(surname.ToString(), first.ToString());
        char second = given[rng.Next(given.Length)];
        return new string([surname, first, second]);
    }

    private static WeightedTable BuildSurnameTable()
    {
        var weights = new double[Surnames.Length];
        for (int i = 0; i < weights.Length; i++) weights[i] = Sampling.Zipf(i + 1, 0.8);
        return new WeightedTable(weights);
    }
}
