using VetOS.Application.Owners;

namespace VetOS.Web.Portal.Me;

public sealed class PetsModel : PortalPage
{
    public IReadOnlyList<PetView> Pets { get; private set; } = [];

    public async Task OnGetAsync() => Pets = await Mediator.Send(new ListMyPetsQuery(), HttpContext.RequestAborted);
}
