namespace VetOS.Domain;

public readonly record struct ClinicId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct OwnerId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct PetId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct ResourceId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct AppointmentTypeId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct BookingId(Guid Value)
{
    public override string ToString() => Value.ToString();
}
