namespace VetOS.Domain.Events;

/// <summary>
/// Marks a string field of an event as personal data of the event's data subject.
/// It is sealed with the subject's key when written, and reads as "erased" once that key is destroyed.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>Marks the field that holds the id of the person the event's personal data belongs to.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DataSubjectAttribute : Attribute;

/// <summary>
/// Marks the field that holds the clinic controlling the event's personal data. Such data is sealed with the subject's
/// key at that clinic, so an erasure at one clinic shreds it there and leaves what other clinics hold.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DataControllerAttribute : Attribute;
