namespace VetOS.Web.Portal.Me;

public sealed class IndexModel : PortalPage
{
    public void OnGet()
    {
    }
}
