using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace VetOS.Web.Portal;

/// <summary>
/// Ties a refused field to its error for screen readers: the field says it is invalid and is described by the message
/// next to it (which gets the id <c>{field}-error</c>), so the reason is read out where the owner is.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldTiedToItsErrorTagHelper : TagHelper
{
    public override int Order => 1000; // after the framework's, which set the id

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState[name] is not { Errors.Count: > 0 })
            return;
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', new[] { describedBy, ErrorId(name) }.Where(id => !string.IsNullOrEmpty(id))));
    }

    internal static string ErrorId(string name) => $"{TagBuilder.CreateSanitizedId(name, "_")}-error";
}

/// <summary>The message next to a field, with the id its field points to.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ErrorOfFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", FieldTiedToItsErrorTagHelper.ErrorId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
}
