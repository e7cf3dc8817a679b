using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Core.Pipeline;
using Anvil.Store.Ingest;
using Anvil.Store.Matching;
using Anvil.Store.Merging;

namespace Anvil.Store.Tests;

public sealed class MergingTests
{
    [Fact]
    public void Extraction_and_merging_share_the_one_lexicon_the_process_loaded()
    {
        var config = IngestConfiguration.Create([], AliasRules.None);

        Assert.Same(AnvilPipeline.BuiltInLexicon, config.Lexicon);
        Assert.Same(config.Lexicon, IngestConfiguration.Create([], AliasRules.None).Lexicon);
        // the resolver reads aliases from the lines the lexicon was built from, not from the files again
        Assert.Contains(config.Lexicon.Lines, l => l.Name == "华为" && l.Aliases.Count > 0);
        Assert.Contains(new EntityAlias("Huawei", "lexicon"), config.Resolver.AliasesOf(new EntityKey("华为", EntityType.Company)));
    }

    [Fact]
    public void A_users_lexicon_gets_a_lexicon_of_its_own_and_the_shared_one_stays_as_it_was()
    {
        var file = Path.Combine(Path.GetTempPath(), $"anvil-lexicon-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(file, "星海微电\tcompany\tStarSea\n");
        try
        {
            var config = IngestConfiguration.Create([file], AliasRules.None);

            Assert.NotSame(AnvilPipeline.BuiltInLexicon, config.Lexicon);
            Assert.Equal("星海微电", config.Lexicon.Lookup("StarSea")?.Name);
            Assert.Null(AnvilPipeline.BuiltInLexicon.Lookup("StarSea"));
            Assert.Contains(new EntityAlias("StarSea", "lexicon"), config.Resolver.AliasesOf(new EntityKey("星海微电", EntityType.Company)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_aliases_file_reads_merges_and_splits()
    {
        var rules = AliasFile.Parse("""
            # 华为 under all its names
            merge:
              - name: 华为
                aliases: [Huawei Technologies, 华为公司]
              - name: 深圳
                type: place
                aliases: 鹏城
            split:
              - name: 华为云
                from: 华为
                type: company
                aliases: [華為雲]
            """, "anvil.aliases.yaml");

        Assert.Equal(2, rules.Merge.Count);
        Assert.Equal(new[] { "Huawei Technologies", "华为公司" }, rules.Merge[0].Aliases);
        Assert.Equal((EntityType.Place, "鹏城"), (rules.Merge[1].Type!.Value, rules.Merge[1].Aliases.Single()));
        var split = Assert.Single(rules.Split);
        Assert.Equal(("华为云", "华为", EntityType.Company), (split.Name, split.From, split.Type!.Value));
        Assert.NotEqual(AliasRules.None.Fingerprint, rules.Fingerprint);
        Assert.Equal(rules.Fingerprint, AliasFile.Parse("merge:\n- {name: 华为, aliases: [Huawei Technologies, 华为公司]}\n- {name: 深圳, type: place, aliases: [鹏城]}\nsplit:\n- {name: 华为云, from: 华为, type: company, aliases: [華為雲]}\n", "x").Fingerprint);
        Assert.True(AliasFile.Parse("", "empty.yaml").IsEmpty);
        Assert.True(AliasFile.Parse("# nothing yet\n", "empty.yaml").IsEmpty);
    }

    [Theory]
    [InlineData("merge:\n  - name: 华为\n    aliases: [Huawei\n", 4, "not valid YAML")]
    [InlineData("- name: 华为", 1, "expected 'merge:' and/or 'split:'")]
    [InlineData("merges:\n  - name: 华为", 1, "unknown key 'merges'")]
    [InlineData("merge:\n  - name: 华为", 2, "lists no aliases")]
    [InlineData("merge:\n  - aliases: [Huawei]", 2, "entry has no name")]
    [InlineData("merge:\n  - name: 华为\n    type: corporation\n    aliases: [Huawei]", 3, "unknown entity type 'corporation'")]
    [InlineData("merge:\n  - name: 华为\n    from: 海思\n    aliases: [Huawei]", 3, "unknown key 'from'")]
    [InlineData("merge: 华为", 1, "must be a list")]
    public void A_mistake_in_the_aliases_file_is_named_with_its_line(string yaml, int line, string reason)
    {
        var e = Assert.Throws<StoreException>(() => AliasFile.Parse(yaml, "anvil.aliases.yaml"));
        Assert.Equal(StoreErrorCodes.BadAliasFile, e.Code);
        Assert.StartsWith($"anvil.aliases.yaml:{line}: ", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_named_aliases_file_must_exist_and_the_default_one_is_optional()
    {
        using var folder = new Support.TempFolder();
        Assert.True(AliasFile.Find(null, folder.Path, out var none).IsEmpty);
        Assert.Null(none);
        Assert.Equal(StoreErrorCodes.BadAliasFile, Assert.Throws<StoreException>(() => AliasFile.Find(folder.File("missing.yaml"), folder.Path, out _)).Code);

        folder.Write(AliasFile.DefaultName, "merge:\n  - name: 华为\n    aliases: [海思]\n");
        Assert.Single(AliasFile.Find(null, folder.Path, out var found).Merge);
        Assert.Equal(folder.File(AliasFile.DefaultName), found);
    }

    [Theory]
    [InlineData("華為", "华为")]
    [InlineData(" Ｈｕａｗｅｉ   Technologies ", "huawei technologies")]
    [InlineData("深圳市", "深圳市")]
    [InlineData("產業規模", "产业规模")]
    public void Names_fold_script_width_space_and_case(string input, string folded) =>
        Assert.Equal(folded, Names.Fold(input));

    [Fact]
    public void The_lexicon_gives_filters_the_canonical_name()
    {
        var matcher = new NameMatcher(EntityLexicon.LoadBuiltIn(TextNormalizer.Default));
        Assert.Equal(["深圳市", "深圳"], matcher.Expand("深圳市"));
        Assert.Equal(["huawei", "华为"], matcher.Expand("Huawei"));
        Assert.Equal(["产业规模"], matcher.Expand("產業規模"));
    }
}
