global using Microsoft.Extensions.DependencyInjection;
global using VetOS.TestSupport;
