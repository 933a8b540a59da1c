using System.Text;

namespace VetOS.Web.Tests.Consents;

/// <summary>Reads CSV back as RFC 4180 writes it: a header line, CRLF line ends, quoted fields with doubled quotes.</summary>
public static class CsvText
{
    public static List<Dictionary<string, string>> Parse(string csv)
    {
        var lines = new List<List<string>>();
        var (line, field, quoted) = (new List<string>(), new StringBuilder(), false);
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
                (line, field) = (Add(line, field), new StringBuilder());
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                lines.Add(Add(line, field));
                (line, field, i) = (new List<string>(), new StringBuilder(), i + 1);
            }
            else
                field.Append(c);
        }
        quoted.Should().BeFalse("every quoted field ends");
        (line.Count + field.Length).Should().Be(0, "the last line ends with CRLF");
        var header = lines[0];
        lines.Skip(1).Should().OnlyContain(l => l.Count == header.Count, "every line has a field per column");
        return lines.Skip(1).Select(l => header.Zip(l).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<string> Add(List<string> line, StringBuilder field)
    {
        line.Add(field.ToString());
        return line;
    }
}
